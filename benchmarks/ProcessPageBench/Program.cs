using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Playground.Benchmarks.PageProbe;

// Streams a run of about 100,000 events to /processes/queues in Debian's Chromium and prints how the
// page and the server held up, each figure against the same measure on the idle page in this run:
// the gaps between animation frames (the page froze that long), the time a click on the timeline's
// zoom takes to show, the events the page counted, and the server's resident memory.
// Usage: dotnet run -c Release --project benchmarks/ProcessPageBench [-- PUBLISH_DIR]
// PROCESS_BENCH_LOAD=messages makes the 100,000 events all the Queue's instead (no lock rounds,
// 25,000 items: 25,000 arrows between the lanes).
const string WallTime = "00:01:00";
var publish = BenchmarkFiles.PublishDirectory(args);
var load = Environment.GetEnvironmentVariable("PROCESS_BENCH_LOAD") is "messages" ? "messages" : "locks and messages";
var script = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "hundred_thousand_events.py"));
if (load == "messages")
{
    script = Regex.Replace(Regex.Replace(script, "^ROUNDS = [0-9_]+", "ROUNDS = 0", RegexOptions.Multiline), "^ITEMS = [0-9_]+", "ITEMS = 25_000", RegexOptions.Multiline);
}
var probeScript = BenchmarkFiles.FrameProbeScript();
var inv = CultureInfo.InvariantCulture;

await using var server = await PublishedServer.StartAsync(publish, new Dictionary<string, string> { ["Playground__Sandbox__WallTime"] = WallTime });
using var playwright = await Playwright.CreateAsync();
await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = SplitCpus.BrowserExecutable(), Headless = true });
var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 800 }, BaseURL = server.Address.ToString() });
await page.AddInitScriptAsync(probeScript);
await WebAssemblyPage.OpenAsync(page, "/processes/queues");
await Assertions.Expect(page.Locator("button[data-testid='run']")).ToBeEnabledAsync(new() { Timeout = 60_000 });
await page.WaitForFunctionAsync("() => window.monaco && monaco.editor.getModels().length > 0");
await page.EvaluateAsync("code => monaco.editor.getModels().forEach(m => m.setValue(code))", script);

// A small run first, so the timeline exists and the idle figures include it.
await page.EvaluateAsync("code => monaco.editor.getModels().forEach(m => m.setValue(code))", Regex.Replace(script, "^(ROUNDS|ITEMS) = [0-9_]+", "$1 = 10", RegexOptions.Multiline));
await page.ClickAsync("button[data-testid='run']");
await Assertions.Expect(page.GetByTestId("run-ending")).ToBeVisibleAsync(new() { Timeout = 60_000 });
// As long as a stream takes, so that the idle page's own long frames (this machine stalls a frame now
// and then with nothing running) are counted over as many frames as the stream's.
var idle = await MeasureAsync(page, server, TimeSpan.FromSeconds(7), () => Task.FromResult(false));

await page.EvaluateAsync("code => monaco.editor.getModels().forEach(m => m.setValue(code))", script);
// A Chromium trace of the stream tells, for each long frame, how long the page's thread ran in it;
// PROCESS_BENCH_TRACE=DIR also writes it there, for DevTools' Performance panel. It starts a second
// before the run, so that turning tracing on is not inside the measure.
var trace = await ChromeTrace.StartAsync(page);
await Task.Delay(TimeSpan.FromSeconds(1));
var serverCpu = server.CpuTime();
await using var machine = MachineLoad.Start();
await page.ClickAsync("button[data-testid='run']");
await Assertions.Expect(page.Locator("button[data-testid='stop']")).ToBeEnabledAsync();
var watch = Stopwatch.StartNew();
var stream = await MeasureAsync(page, server, TimeSpan.FromSeconds(120),
    async () => await page.GetByTestId("run-ending").CountAsync() > 0);
watch.Stop();
var busy = machine is null ? [] : await machine.StopAsync();
serverCpu = server.CpuTime() - serverCpu;
await trace.StopAsync();
await trace.WriteIfAskedAsync("PROCESS_BENCH_TRACE", "stream");
var traced = trace.Frames();
var ending = await page.GetByTestId("run-ending").InnerTextAsync();
var counted = await page.Locator("text=/[0-9,]+ events/").First.InnerTextAsync();

Console.WriteLine($"Process page under 100,000 events, {load} (Chromium {browser.Version}, {Environment.ProcessorCount} cores; {SplitCpus.Describe})");
Console.WriteLine($"  run: {ending.Split('\n')[0]}; the page counted {counted}; streamed and drawn in {watch.Elapsed.TotalSeconds:0.0} s");
Console.WriteLine($"  (the sandbox's wall time is raised to {WallTime} for this run: a shared machine may emit slower than one core per worker)");
Row("frames measured", idle.Frames, stream.Frames, "0");
Row("frame gap p95 (ms)", idle.P95, stream.P95, "0.0");
Row("frame gap max (ms)", idle.Max, stream.Max, "0.0");
Row("click to zoom shown, median (ms)", idle.InputMedian, stream.InputMedian, "0.0");
Row("click to zoom shown, max (ms)", idle.InputMax, stream.InputMax, "0.0");
Row("server RSS peak (MiB)", idle.PeakMiB, stream.PeakMiB, "0.0");
// the server's own share of the machine while it streamed (the run's python3 processes are not in it)
Console.WriteLine(string.Create(inv, $"  server CPU while streaming: {serverCpu.TotalSeconds:0.00} s in {watch.Elapsed.TotalSeconds:0.0} s ({serverCpu.TotalMilliseconds * 1000 / 100_000:0} µs an event)"));
Console.WriteLine($"  the machine's cores busy (all processes), second by second from Run: {MachineLoad.Describe(busy)}");
Console.WriteLine($"  frames over 50 ms: idle {idle.Over50} of {idle.Frames} ({(idle.LongFrames.Length == 0 ? "none" : idle.LongFrames)}); during the stream {stream.Over50} of {stream.Frames}, {stream.Over50 - stream.AtThreeFrames} of them four frames (66.7 ms) or more; input probes: {stream.InputCount}");
Console.WriteLine($"  the frames over 50 ms, by when they ended: {(stream.LongFrames.Length == 0 ? "none" : stream.LongFrames)}");
// what the page's thread did in them: ran (the page's own work) or waited (for a core, or for V8's compiler threads)
var tracedLong = traced.Where(f => f.WallMilliseconds > 50).ToList();
Console.WriteLine(string.Create(inv, $"  in Chromium's trace, frames over 50 ms: {tracedLong.Count} of {traced.Count}; the page's thread ran in them: {(tracedLong.Count == 0 ? "-" : string.Join(", ", tracedLong.Select(f => $"{f.RunMilliseconds:0} of {f.WallMilliseconds:0} ms")))}"));
if (traced.Count > 0)
{
    var busiest = traced.MaxBy(f => f.RunMilliseconds)!;
    Console.WriteLine(string.Create(inv, $"  the most the page's thread ran in one frame: {busiest.RunMilliseconds:0.0} ms (a frame of {busiest.WallMilliseconds:0} ms, {busiest.EndedAtSeconds:0.0} s in); frames in which it ran over 50 ms: {traced.Count(f => f.RunMilliseconds > 50)}"));
}
return 0;

void Row(string name, double baseline, double measured, string format) =>
    Console.WriteLine(string.Create(inv, $"  {name,-32} idle {baseline.ToString(format, inv),9}   streaming {measured.ToString(format, inv),9}   ratio {measured / baseline,6:0.00}"));

// Records frame gaps and server memory until `finished` or `limit`, clicking zoom in / fit every 400 ms.
static async Task<Measure> MeasureAsync(IPage page, PublishedServer server, TimeSpan limit, Func<Task<bool>> finished)
{
    await page.EvaluateAsync("() => window.__probe.start()");
    var peak = server.ResidentMiB();
    var inputs = new List<double>();
    var zoomed = false;
    var watch = Stopwatch.StartNew();
    var lastInput = TimeSpan.Zero;
    while (watch.Elapsed < limit)
    {
        peak = Math.Max(peak, server.ResidentMiB());
        if (watch.Elapsed - lastInput > TimeSpan.FromMilliseconds(400) && await page.GetByTestId("timeline-range").CountAsync() > 0)
        {
            zoomed = !zoomed;
            var button = zoomed ? "[data-testid='timeline-zoom-in']" : "[data-testid='timeline-fit']";
            inputs.Add(await page.EvaluateAsync<double>("([b, expect]) => window.__probe.respond(b, \"[data-testid='timeline-range']\", expect)", new object[] { button, zoomed }));
            lastInput = watch.Elapsed;
        }

        if (watch.Elapsed > TimeSpan.FromSeconds(1) && await finished())
        {
            break;
        }

        await Task.Delay(50);
    }

    var gaps = (await page.EvaluateAsync<double[]>("() => window.__probe.stop()")).Order().ToArray();
    var longFrames = await page.EvaluateAsync<double[][]>("() => window.__probe.long");
    return new Measure(
        gaps.Length,
        gaps.Length == 0 ? double.NaN : gaps[(int)Math.Min(gaps.Length - 1, Math.Ceiling(gaps.Length * 0.95) - 1)],
        gaps.Length == 0 ? double.NaN : gaps[^1],
        gaps.Count(g => g > 50),
        gaps.Count(g => g > 50 && g < 60),
        inputs.Count == 0 ? double.NaN : inputs.Order().ElementAt(inputs.Count / 2),
        inputs.Count == 0 ? double.NaN : inputs.Max(),
        inputs.Count,
        Math.Max(peak, server.ResidentMiB()),
        string.Join(", ", longFrames.Select(f => string.Create(CultureInfo.InvariantCulture, $"{f[0] / 1000:0.0} s: {f[1]:0} ms"))));
}

/// <param name="AtThreeFrames">
/// Of the frames over 50 ms, those of three frames at 60 Hz (50.0 ms and a rounding over): Chromium's
/// frame times are whole vsyncs, so a page that missed two frames is "over 50 ms" by a hair.
/// </param>
/// <param name="LongFrames">Each frame over 50 ms: seconds into the measure, and how long it took.</param>
internal sealed record Measure(int Frames, double P95, double Max, int Over50, int AtThreeFrames, double InputMedian, double InputMax, int InputCount, double PeakMiB, string LongFrames);
