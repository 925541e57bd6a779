using System.Text;
using Playground.Engines.Processes;
using Playground.Shared.Processes;
using Playground.Tests.Unit.Infrastructure;

namespace Playground.Tests.Unit.Components.Processes.Timeline;

/// <summary>
/// Event streams recorded from real runs of the built-in scenarios
/// (<c>dotnet run --project src/Server -- run scenarios/processes/X.py &gt; X.jsonl</c>), read back
/// through the server's own line parser. Lines are in the order the server received them: processes
/// interleave, and time goes back between processes.
/// </summary>
public static class RecordedRuns
{
    public static IReadOnlyList<ProcessEvent> Load(string name)
    {
        var path = Path.Combine(RepositoryPaths.Root, "tests", "Unit", "Components", "Processes", "Timeline", "Recordings", name + ".jsonl");
        var events = new List<ProcessEvent>();
        foreach (var line in File.ReadLines(path).Where(l => l.StartsWith('{')))
        {
            events.Add(EventLineParser.Parse(Encoding.UTF8.GetBytes(line), out var error) ?? throw new InvalidDataException($"{name}: {error}"));
        }

        return events;
    }
}
