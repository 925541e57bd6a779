namespace Playground.Client.Components.Processes;

/// <summary>
/// What the events call a lock, a queue or a value: its type and the name the student bound it to,
/// joined by a dash ("Lock-a", "Queue-q"; "Lock-0x7f39ca5bc000" for one with no name, see
/// playground_instrument/names.py). The views write it as its type, then its name ("Lock a"), so that the
/// lanes, the lock table and the wait-for graph name one lock alike.
/// </summary>
public static class ResourceName
{
    /// <summary>The type and the name, or the whole and an empty name when there is no dash.</summary>
    public static (string Kind, string Name) Split(string resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return resource.IndexOf('-', StringComparison.Ordinal) is var dash and > 0 ? (resource[..dash], resource[(dash + 1)..]) : (resource, string.Empty);
    }

    /// <summary>"Lock a" for "Lock-a"; a name with no dash as it is.</summary>
    public static string Words(string resource) => Split(resource) is (var kind, { Length: > 0 } name) ? $"{kind} {name}" : resource;
}
