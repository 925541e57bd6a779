using Microsoft.Playwright;

namespace Playground.Benchmarks.PageProbe;

/// <summary>
/// A Chromium performance trace of a page (what DevTools' Performance panel records: tasks, scripts,
/// layout, paint), over the DevTools protocol. It can be written as the JSON array the panel loads, and
/// read for how long the page's own thread ran in each frame (<see cref="Frames"/>).
/// </summary>
public sealed class ChromeTrace
{
    private readonly ICDPSession _session;
    private readonly List<string> _events = [];
    private readonly TaskCompletionSource _complete = new();

    private ChromeTrace(ICDPSession session) => _session = session;

    /// <summary>Starts a trace when the environment variable <paramref name="variable"/> names a folder; null otherwise.</summary>
    public static async Task<ChromeTrace?> StartIfAskedAsync(IPage page, string variable) =>
        Environment.GetEnvironmentVariable(variable) is null ? null : await StartAsync(page);

    /// <summary>Starts a trace of the page's tasks, with the CPU time of each (Chromium's thread clock).</summary>
    public static async Task<ChromeTrace> StartAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var session = await page.Context.NewCDPSessionAsync(page);
        var trace = new ChromeTrace(session);
        session.Event("Tracing.dataCollected").OnEvent += (_, e) =>
        {
            if (e is { } data)
            {
                foreach (var item in data.GetProperty("value").EnumerateArray())
                {
                    trace._events.Add(item.GetRawText());
                }
            }
        };
        session.Event("Tracing.tracingComplete").OnEvent += (_, _) => trace._complete.TrySetResult();
        await session.SendAsync("Tracing.start", new()
        {
            ["transferMode"] = "ReportEvents",
            ["traceConfig"] = new Dictionary<string, object>
            {
                ["includedCategories"] = new[] { "devtools.timeline", "v8.execute", "disabled-by-default-devtools.timeline", "blink.user_timing" },
            },
        });
        return trace;
    }

    /// <summary>Ends the trace; it can be read (<see cref="Frames"/>) or written (<see cref="WriteIfAskedAsync"/>) after.</summary>
    public async Task StopAsync()
    {
        await _session.SendAsync("Tracing.end");
        await _complete.Task.WaitAsync(TimeSpan.FromMinutes(2));
    }

    /// <summary>Ends the trace and writes it to <paramref name="variable"/>'s folder as NAME-HHMMSS.json.</summary>
    public async Task StopAsync(string variable, string name)
    {
        await StopAsync();
        await WriteIfAskedAsync(variable, name);
    }

    /// <summary>Writes the ended trace to the folder the environment variable <paramref name="variable"/> names, if it names one.</summary>
    public async Task WriteIfAskedAsync(string variable, string name)
    {
        if (Environment.GetEnvironmentVariable(variable) is not { } folder)
        {
            return;
        }

        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, $"{name}-{DateTime.UtcNow:HHmmss}.json"), "[" + string.Join(",\n", _events) + "]");
    }

    /// <summary>The ended trace's frames, each with the page's own CPU time in it (<see cref="TraceFrames"/>).</summary>
    public IReadOnlyList<TraceFrame> Frames() => TraceFrames.Frames(_events);
}
