using Microsoft.Playwright;

namespace Playground.Benchmarks.PageProbe;

/// <summary>
/// A Chromium performance trace of a page (what DevTools' Performance panel records: tasks, scripts,
/// layout, paint), over the DevTools protocol, written as the JSON array the panel loads.
/// </summary>
public sealed class ChromeTrace
{
    private readonly ICDPSession _session;
    private readonly List<string> _events = [];
    private readonly TaskCompletionSource _complete = new();

    private ChromeTrace(ICDPSession session) => _session = session;

    /// <summary>Starts a trace when the environment variable <paramref name="variable"/> names a folder; null otherwise.</summary>
    public static async Task<ChromeTrace?> StartIfAskedAsync(IPage page, string variable)
    {
        ArgumentNullException.ThrowIfNull(page);
        if (Environment.GetEnvironmentVariable(variable) is null)
        {
            return null;
        }

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

    /// <summary>Ends the trace and writes it to <paramref name="variable"/>'s folder as NAME-HHMMSS.json.</summary>
    public async Task StopAsync(string variable, string name)
    {
        await _session.SendAsync("Tracing.end");
        await _complete.Task.WaitAsync(TimeSpan.FromMinutes(2));
        var folder = Environment.GetEnvironmentVariable(variable)!;
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, $"{name}-{DateTime.UtcNow:HHmmss}.json"), "[" + string.Join(",\n", _events) + "]");
    }
}
