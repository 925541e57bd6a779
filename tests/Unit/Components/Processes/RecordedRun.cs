using System.Text.Json;
using Playground.Client.Components.Processes;
using Playground.Shared.Processes;

namespace Playground.Tests.Unit.Components.Processes;

/// <summary>
/// Event streams recorded from real runs (<c>dotnet run --project src/Server -- run scenarios/processes/X.py</c>,
/// its JSON lines) and kept under Recorded/, read back as the page receives them.
/// </summary>
internal static class RecordedRun
{
    private static readonly HashSet<string> Envelope = new(StringComparer.Ordinal) { "kind", "pid", "name", "ts", "seq" };

    public static List<ProcessEvent> Load(string name) =>
        File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Components", "Processes", "Recorded", name + ".jsonl"))
            .Select(Parse)
            .ToList();

    /// <summary>The recording folded as the page folds it, into the views' <see cref="RunDetails"/>.</summary>
    public static RunDetails Fold(string name)
    {
        var details = new RunDetails();
        details.Apply(Load(name));
        return details;
    }

    private static ProcessEvent Parse(string line)
    {
        using var document = JsonDocument.Parse(line);
        var root = document.RootElement;
        var data = root.EnumerateObject().Where(p => !Envelope.Contains(p.Name)).ToDictionary(p => p.Name, p => p.Value.Clone());
        return new ProcessEvent(root.GetProperty("kind").GetString()!, root.GetProperty("pid").GetInt32(), root.GetProperty("name").GetString()!,
            root.GetProperty("ts").GetDouble(), root.GetProperty("seq").GetInt64(), data);
    }
}
