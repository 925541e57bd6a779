using System.Globalization;
using Microsoft.Playwright;
using Playground.Benchmarks.PageProbe;

// Runs a trace of about 100,000 steps with 2,000 live objects on /memory/refcount and /memory/gc in
// Debian's Chromium and times single steps: from an ArrowRight or ArrowLeft key press to the page's
// change ("work") and to just after the next painted frame that shows the new step ("to screen"). The
// baseline is the same measure on a tiny trace of the same script in this run, so the ratios say what
// the big trace costs, not how fast this machine is. One frame at 60 Hz is 16.7 ms. It also times the
// first steps forward of each new run, where every graph shape is new to the page.
// Usage: dotnet run -c Release --project benchmarks/MemoryPageBench [-- PUBLISH_DIR]
const string WallTime = "00:02:00";
const int StepsTimed = 20;
const double KeyTimeoutMs = 60_000;
const double FrameMs = 1000.0 / 60;
var inv = CultureInfo.InvariantCulture;
var script = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "two_thousand_objects.py"));
var tiny = script.Replace("2_000", "10", StringComparison.Ordinal).Replace("90_000", "10", StringComparison.Ordinal);

await using var server = await PublishedServer.StartAsync(BenchmarkFiles.PublishDirectory(args), new Dictionary<string, string> { ["Playground__Memory__WallTime"] = WallTime });
using var playwright = await Playwright.CreateAsync();
await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = SplitCpus.BrowserExecutable(), Headless = true });
var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 800 }, BaseURL = server.Address.ToString() });
await page.AddInitScriptAsync(BenchmarkFiles.FrameProbeScript());
// What the page itself reports (a render error would otherwise look like a slow step).
page.Console += (_, message) => { if (message.Type is "error" or "warning") Console.Error.WriteLine($"  [page {message.Type}] {message.Text} {message.Location}"); };
page.PageError += (_, error) => Console.Error.WriteLine($"  [page error] {error}");

Console.WriteLine($"Memory pages stepping through 100,000 steps and 2,000 live objects (Chromium {browser.Version}, {Environment.ProcessorCount} cores; {SplitCpus.Describe})");
Console.WriteLine($"  {StepsTimed} steps back then {StepsTimed} forward from the last step, each timed from the key press; baseline: the same script at 10 objects and 10 rounds");
// MEMORY_BENCH_ONLY=N runs only the Nth pass (0: refcount, 1: an object selected, 2: gc);
// MEMORY_BENCH_TRACE=DIR writes a Chromium performance trace of each big trace's timed steps there.
// MEMORY_BENCH_TINY_ONLY=1 times only the tiny trace (its "big" column repeats it): a quick look at
// what a step costs whatever the trace's size.
var only = Environment.GetEnvironmentVariable("MEMORY_BENCH_ONLY");
var tinyOnly = Environment.GetEnvironmentVariable("MEMORY_BENCH_TINY_ONLY") == "1";
// The floor: what a key press takes to reach the screen in this browser on a page that only changes a
// number, so that the rows below can be read against what no page can go under.
await page.GotoAsync("/healthz");
await page.SetContentAsync("<p id='n' tabindex='0'>0</p><script>n.addEventListener('keydown', () => n.textContent = String(+n.textContent + 1));</script>");
await page.FocusAsync("#n");
var floor = new List<double>();
var floorReceived = new List<double>();
var floorFrames = new List<double>();
for (var i = 1; i <= StepsTimed; i++)
{
    await page.EvaluateAsync("([s, t]) => window.__probe.armKey(s, t)", new object[] { "#n", i.ToString(inv) });
    await Settled(page);
    await page.Keyboard.PressAsync("ArrowRight");
    var times = await page.EvaluateAsync<double[]>("() => window.__probe.keyTimed");
    floor.Add(times[1]);
    floorReceived.Add(times[2]);
    floorFrames.Add(times[3]);
}

Console.WriteLine(string.Create(inv, $"  floor (a page that only changes a number): key to screen p50 {Quantile([.. floor.Order()], 0.5):0.0} ms, from the page's keydown p50 {Quantile([.. floorReceived.Order()], 0.5):0.0} ms, painted in the first frame after the key {InFirstFrame(floorFrames)} of {floorFrames.Count}"));

var passes = new[] { ("/memory/refcount", false), ("/memory/refcount", true), ("/memory/gc", false) };
foreach (var (path, select) in only is null ? passes : [passes[int.Parse(only, inv)]])
{
    await OpenAsync(page, path);
    var small = await RunAndStepAsync(page, tiny, select);
    var big = tinyOnly ? small : await RunAndStepAsync(page, script, select);
    Console.WriteLine($"{path}{(select ? ", an object selected" : string.Empty)}: {big.Steps:N0} steps against {small.Steps:N0}");
    Row("work p50 (ms)", small.Work, big.Work, 0.50);
    Row("work p95 (ms)", small.Work, big.Work, 0.95);
    Row("to screen p50 (ms)", small.Screen, big.Screen, 0.50);
    Row("to screen p95 (ms)", small.Screen, big.Screen, 0.95);
    Row("to screen max (ms)", small.Screen, big.Screen, 1);
    Row("received to screen p50 (ms)", small.FromReceived, big.FromReceived, 0.50);
    Row("received to screen p95 (ms)", small.FromReceived, big.FromReceived, 0.95);
    Console.WriteLine(string.Create(inv, $"  {"steps over one frame (16.7 ms)",-32} tiny {small.Screen.Count(t => t > FrameMs),9}   big {big.Screen.Count(t => t > FrameMs),9}   of {big.Screen.Length}"));
    Console.WriteLine(string.Create(inv, $"  {"  the same from the page's keydown",-32} tiny {small.FromReceived.Count(t => t > FrameMs),9}   big {big.FromReceived.Count(t => t > FrameMs),9}   of {big.FromReceived.Length}"));
    // The measure of "within one animation frame": the step painted in the first frame the browser began
    // after the key, as the floor's number is; a key waits for that frame whatever the page does.
    Console.WriteLine(string.Create(inv, $"  {"painted in the key's first frame",-32} tiny {InFirstFrame(small.Frames),9}   big {InFirstFrame(big.Frames),9}   of {big.Frames.Length}"));
    Console.WriteLine(string.Create(inv, $"  {"frames from key to paint, max",-32} tiny {small.Frames.Max(),9}   big {big.Frames.Max(),9}"));
    Console.WriteLine($"  the first {StepsTimed} steps forward of the new run (every graph shape new to the page):");
    Row("  to screen p50 (ms)", small.FreshScreen, big.FreshScreen, 0.50);
    Row("  to screen p95 (ms)", small.FreshScreen, big.FreshScreen, 0.95);
    Console.WriteLine(string.Create(inv, $"  {"  over one frame (16.7 ms)",-32} tiny {small.FreshScreen.Count(t => t > FrameMs),9}   big {big.FreshScreen.Count(t => t > FrameMs),9}   of {big.FreshScreen.Length}"));
    Console.WriteLine(string.Create(inv, $"  {"  painted in the key's first frame",-32} tiny {InFirstFrame(small.FreshFrames),9}   big {InFirstFrame(big.FreshFrames),9}   of {big.FreshFrames.Length}"));
}

return 0;

void Row(string name, double[] baseline, double[] measured, double quantile)
{
    var b = Quantile(baseline, quantile);
    var m = Quantile(measured, quantile);
    Console.WriteLine(string.Create(inv, $"  {name,-32} tiny {b,9:0.0}   big {m,9:0.0}   ratio {m / b,6:0.00}"));
}

// Steps painted in the first frame after their key (the probe's frame count is 1).
static int InFirstFrame(IEnumerable<double> frames) => frames.Count(f => f <= 1);

static double Quantile(double[] sorted, double q) => sorted[(int)Math.Clamp(Math.Ceiling(sorted.Length * q) - 1, 0, sorted.Length - 1)];

// Opens `path` once the browser holds the WebAssembly runtime, so the page runs in the browser (render
// mode Auto serves a first visit from the server while the runtime downloads), and waits until it is
// interactive.
static async Task OpenAsync(IPage page, string path)
{
    await WebAssemblyPage.OpenAsync(page, path);
    await Assertions.Expect(page.Locator("button[data-testid='share']")).ToBeEnabledAsync(new() { Timeout = 60_000 });
    await page.WaitForFunctionAsync("() => window.monaco && monaco.editor.getModels().length > 0");
}

// Runs `code`, goes to the last step (selecting the last object card when `select`), and times
// StepsTimed steps back and as many forward, one key press at a time.
static async Task<Timings> RunAndStepAsync(IPage page, string code, bool select)
{
    // Set from script, then one real key press so the editor reports the new code as a student's edit would.
    await page.EvaluateAsync("code => monaco.editor.getModels().forEach(m => m.setValue(code + ' '))", code);
    await page.Locator(".monaco-editor").First.ClickAsync();
    await page.Keyboard.PressAsync("Control+End");
    await page.Keyboard.PressAsync("Backspace");
    await page.WaitForFunctionAsync("expected => monaco.editor.getModels().some(m => m.getValue() === expected)", code);
    await Assertions.Expect(page.Locator("button[data-testid='reset']")).ToBeEnabledAsync(new() { Timeout = 30_000 });
    var watch = System.Diagnostics.Stopwatch.StartNew();
    await page.ClickAsync("button[data-testid='run']");
    var position = page.GetByTestId("step-position");
    await Assertions.Expect(position).ToContainTextAsync("Step 1 of ", new() { Timeout = 180_000 });
    var text = await position.InnerTextAsync();
    var steps = int.Parse(text[(text.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture);
    await Console.Error.WriteLineAsync($"  ({steps:N0} steps run and received in {watch.Elapsed.TotalSeconds:0.0} s)");
    var controls = page.GetByTestId("step-controls");
    await controls.FocusAsync();
    // A student's first steps through a new run: each graph shape is new to the page, so each needs
    // dagre's layout unless the page laid it out ahead while the step before was on screen.
    var fresh = await TimeKeysAsync(page, Enumerable.Repeat("ArrowRight", StepsTimed), 1, steps);
    watch.Restart();
    await page.Keyboard.PressAsync("End");
    await Assertions.Expect(position).ToHaveTextAsync($"Step {steps} of {steps}", new() { Timeout = 120_000 });
    await Settled(page);
    await Console.Error.WriteLineAsync($"  (End: the last step shown and settled in {watch.Elapsed.TotalSeconds:0.0} s)");
    if (select)
    {
        await page.Locator("[data-testid='heap-card']:not([aria-label*='freed'])").Last.ClickAsync();
        await Assertions.Expect(page.GetByTestId("object-details")).ToBeVisibleAsync();
        await controls.FocusAsync();
    }

    var trace = steps > 1000 || Environment.GetEnvironmentVariable("MEMORY_BENCH_TINY_ONLY") == "1" ? await ChromeTrace.StartIfAskedAsync(page, "MEMORY_BENCH_TRACE") : null;
    var timed = await TimeKeysAsync(page, Enumerable.Repeat("ArrowLeft", StepsTimed).Concat(Enumerable.Repeat("ArrowRight", StepsTimed)), steps, steps);
    if (trace is not null)
    {
        await trace.StopAsync("MEMORY_BENCH_TRACE", select ? "steps-selected" : "steps");
    }

    await Console.Error.WriteLineAsync("  (slowest to screen: " + string.Join(", ", timed.Slowest.OrderByDescending(s => s.Ms).Take(3).Select(s => string.Create(CultureInfo.InvariantCulture, $"step {s.Step:N0} {s.Ms:0} ms"))) + ")");
    return new Timings(steps, [.. timed.Work.Order()], [.. timed.Screen.Order()], [.. timed.Received.Order()], [.. fresh.Screen.Order()], [.. timed.Frames], [.. fresh.Frames]);
}

// Presses `keys` one at a time from step `current` (1-based) of `steps`, each after the last has settled,
// and times each from the key press to the page's change and to the screen.
static async Task<(List<double> Work, List<double> Screen, List<double> Received, List<double> Frames, List<(int Step, double Ms)> Slowest)> TimeKeysAsync(IPage page, IEnumerable<string> keys, int current, int steps)
{
    var work = new List<double>();
    var screen = new List<double>();
    var received = new List<double>();
    var frames = new List<double>();
    var slowest = new List<(int Step, double Ms)>();
    foreach (var key in keys)
    {
        current += key == "ArrowLeft" ? -1 : 1;
        await page.EvaluateAsync("([s, t]) => window.__probe.armKey(s, t)", new object[] { "[data-testid='step-position']", $"Step {current} of {steps}" });
        await Settled(page);
        await page.Keyboard.PressAsync(key);
        var times = await page.EvaluateAsync<double[]>("ms => Promise.race([window.__probe.keyTimed, new Promise(r => setTimeout(() => r([-1, -1, -1, -1]), ms))])", KeyTimeoutMs);
        if (times[1] < 0)
        {
            await Console.Error.WriteLineAsync($"  (step {current} did not reach the screen within {KeyTimeoutMs / 1000} s: the rest of this trace is not timed)");
            work.Add(double.PositiveInfinity);
            screen.Add(double.PositiveInfinity);
            received.Add(double.PositiveInfinity);
            frames.Add(double.PositiveInfinity);
            break;
        }

        work.Add(times[0]);
        screen.Add(times[1]);
        received.Add(times[2]);
        frames.Add(times[3]);
        slowest.Add((current, times[1]));
    }

    return (work, screen, received, frames, slowest);
}

// Two animation frames in a row: whatever the last step started (the graph's layout) has finished.
static async Task Settled(IPage page) =>
    await page.EvaluateAsync("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => r(true))))");

internal sealed record Timings(int Steps, double[] Work, double[] Screen, double[] FromReceived, double[] FreshScreen, double[] Frames, double[] FreshFrames);
