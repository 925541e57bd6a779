using System.Text.Json;

namespace Playground.Benchmarks.PageProbe;

/// <summary>
/// A frame of the page, from a Chromium trace: how long it took (from one animation frame's callbacks
/// to the next) and how much of that the page's thread (the renderer's main thread, where its .NET, its
/// scripts, style, layout and paint run) spent running rather than waiting. A frame of 67 ms in which
/// the thread ran 12 ms was not the page working: the thread was waiting, for a core the machine's other
/// processes held, or for V8's compiler threads (a WebAssembly module compiled at once waits for them).
/// </summary>
/// <param name="EndedAtSeconds">When the frame ended, in seconds from the trace's first frame.</param>
/// <param name="WallMilliseconds">The frame's length.</param>
/// <param name="RunMilliseconds">The page thread's CPU time within the frame, from Chromium's thread clock.</param>
public sealed record TraceFrame(double EndedAtSeconds, double WallMilliseconds, double RunMilliseconds);

public static class TraceFrames
{
    private const string MainThread = "CrRendererMain";

    /// <summary>
    /// Reads the trace's events (JSON objects, as the DevTools protocol reports them): the page's frames
    /// are the gaps between the tasks that run its requestAnimationFrame callbacks (the benchmarks' probe
    /// asks for one every frame), and a frame's CPU time is the thread time of the tasks within it, a task
    /// that spans the frame's edge counted for the share of it inside.
    /// </summary>
    public static IReadOnlyList<TraceFrame> Frames(IEnumerable<string> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var parsed = events.Select(e => JsonDocument.Parse(e).RootElement).ToList();
        var main = parsed
            .Where(e => Text(e, "ph") == "M" && Text(e, "name") == "thread_name"
                && e.TryGetProperty("args", out var a) && Text(a, "name") == MainThread)
            .Select(e => (Pid: e.GetProperty("pid").GetInt64(), Tid: e.GetProperty("tid").GetInt64()))
            .ToHashSet();
        var slices = parsed
            .Where(e => Text(e, "ph") == "X" && main.Contains((e.GetProperty("pid").GetInt64(), e.GetProperty("tid").GetInt64())))
            .Select(e => (Name: Text(e, "name"), Start: e.GetProperty("ts").GetDouble(),
                Wall: e.TryGetProperty("dur", out var d) ? d.GetDouble() : 0, Cpu: e.TryGetProperty("tdur", out var t) ? t.GetDouble() : 0))
            .ToList();
        // Chromium nests a task inside the scheduler's: the outermost of them is the one to count
        var taskName = slices.Any(s => s.Name == "ThreadControllerImpl::RunTask") ? "ThreadControllerImpl::RunTask" : "RunTask";
        var tasks = slices.Where(s => s.Name == taskName).OrderBy(s => s.Start).ToList();
        // a frame runs every requestAnimationFrame callback (the probe's and the page's own) in one task:
        // the frame starts with the task that runs its callbacks
        // (tasks of one thread do not overlap, so the one that could hold a callback is the last to start
        // before it: found by halving, as a long stream has tens of thousands of both)
        var starts = tasks.Select(t => t.Start).ToArray();
        var frames = slices.Where(s => s.Name == "FireAnimationFrame")
            .Select(f => LastStartedBy(starts, f.Start) is var i and >= 0 && f.Start <= tasks[i].Start + tasks[i].Wall ? tasks[i].Start : f.Start)
            .Distinct().Order().ToList();
        var result = new List<TraceFrame>();
        var first = 0;
        for (var i = 1; i < frames.Count; i++)
        {
            var (from, to) = (frames[i - 1], frames[i]);
            while (first < tasks.Count && tasks[first].Start + tasks[first].Wall < from)
            {
                first++;
            }

            var run = 0.0;
            foreach (var task in tasks.Skip(first).TakeWhile(t => t.Start < to))
            {
                var overlap = Math.Min(to, task.Start + task.Wall) - Math.Max(from, task.Start);
                if (overlap > 0 && task.Wall > 0)
                {
                    run += task.Cpu * overlap / task.Wall;
                }
            }

            result.Add(new TraceFrame((to - frames[0]) / 1_000_000, (to - from) / 1000, run / 1000));
        }

        return result;
    }

    /// <summary>The index of the last of the sorted <paramref name="starts"/> at or before <paramref name="at"/>; -1 when none is.</summary>
    private static int LastStartedBy(double[] starts, double at)
    {
        var i = Array.BinarySearch(starts, at);
        if (i >= 0)
        {
            // equal starts: the last of them
            while (i + 1 < starts.Length && starts[i + 1] == at)
            {
                i++;
            }

            return i;
        }

        return ~i - 1;
    }

    private static string? Text(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
