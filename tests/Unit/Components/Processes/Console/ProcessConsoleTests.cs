using Bunit;
using MudBlazor;
using Playground.Client.Components.Processes.Console;
using Playground.Client.Components.Processes.Timeline;
using Playground.Tests.Unit.Components.Processes.Timeline;
using Playground.Tests.Unit.Infrastructure;
using Xunit;

namespace Playground.Tests.Unit.Components.Processes.Console;

public sealed class ProcessConsoleTests : BunitTestBase
{
    private static ProcessTimeline FiveWorkers()
    {
        var timeline = new ProcessTimeline();
        timeline.Apply(RecordedRuns.Load("five_workers"));
        return timeline;
    }

    private static IEnumerable<string> Lines(IRenderedComponent<ProcessConsole> console) =>
        console.FindAll("[data-testid='console-line']").Select(l => l.TextContent.Trim());

    [Fact]
    public void Every_line_shows_its_process_in_the_process_colour()
    {
        var console = Context.Render<ProcessConsole>(p => p.Add(c => c.Timeline, FiveWorkers()));

        Assert.Equal(Enumerable.Range(0, 5).Select(i => $"Process-{i + 1} Worker: {i}"), Lines(console).Order(StringComparer.Ordinal));
        // each name carries its lane's colour, which the style sheet mixes with the theme's text colour
        var styles = console.FindAll("[data-testid='console-line'] .who").Select(w => w.GetAttribute("style")).ToList();
        Assert.All(styles, s => Assert.StartsWith("--lane: #", s, StringComparison.Ordinal));
        Assert.Equal(5, styles.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public async Task Choosing_a_process_shows_only_its_lines()
    {
        var timeline = FiveWorkers();
        var console = Context.Render<ProcessConsole>(p => p.Add(c => c.Timeline, timeline));
        var third = timeline.Lanes.Single(l => l.Name == "Process-3").Pid;

        var select = console.FindComponent<MudSelect<int?>>();
        await console.InvokeAsync(() => select.Instance.ValueChanged.InvokeAsync(third));

        Assert.Equal(["Process-3 Worker: 2"], Lines(console));
    }

    [Fact]
    public async Task An_empty_console_says_why_it_is_empty()
    {
        var timeline = FiveWorkers();
        var console = Context.Render<ProcessConsole>(p => p.Add(c => c.Timeline, timeline).Add(c => c.Until, timeline.Origin));
        Assert.Equal("Nothing printed by any process by this instant of the replay.", console.Find("[data-testid='console-empty']").TextContent);

        console.Render(p => p.Add(c => c.Timeline, new ProcessTimeline()).Add(c => c.Until, null).Add(c => c.Live, true));
        Assert.Equal("Nothing printed by any process yet.", console.Find("[data-testid='console-empty']").TextContent);

        console.Render(p => p.Add(c => c.Timeline, timeline).Add(c => c.Live, false));
        Assert.Empty(console.FindAll("[data-testid='console-empty']"));
        var stream = console.FindComponent<MudSelect<string>>();
        await console.InvokeAsync(() => stream.Instance.ValueChanged.InvokeAsync(ConsoleFilter.Stderr));
        Assert.Equal("Nothing on stderr from any process.", console.Find("[data-testid='console-empty']").TextContent);
        Assert.Empty(Lines(console));
    }

    [Fact]
    public void The_filter_keeps_a_stream_and_the_lines_written_by_an_instant()
    {
        // Process-2's lines arrive first, as they may over its own connection: the console shows them in time order.
        var lines = new ConsoleLines();
        foreach (var line in new TimelineConsoleLine[]
                 {
                     new(3.0, 4, 2, "Process-2", "stdout", "b"),
                     new(4.0, 4, 2, "Process-2", "stderr", "ValueError"),
                     new(1.0, 3, 1, "Process-1", "stdout", "a"),
                     new(2.0, 3, 1, "Process-1", "stderr", "Traceback"),
                 })
        {
            lines.Add(line);
        }

        Assert.Equal(["Traceback", "ValueError"], new ConsoleFilter(Stream: ConsoleFilter.Stderr).Apply(lines, null, 10).Select(l => l.Text));
        Assert.Equal(["a", "Traceback", "b"], new ConsoleFilter().Apply(lines, 3.0, 10).Select(l => l.Text));
        Assert.Equal(["b"], new ConsoleFilter(Pid: 4, Stream: ConsoleFilter.Stdout).Apply(lines, null, 10).Select(l => l.Text));
        Assert.Equal(["b", "ValueError"], new ConsoleFilter().Apply(lines, null, 2).Select(l => l.Text));
        Assert.Equal(["Traceback"], new ConsoleFilter(Pid: 3, Stream: ConsoleFilter.Stderr).Apply(lines, 3.5, 10).Select(l => l.Text));
        Assert.Empty(new ConsoleFilter(Pid: 3).Apply(lines, 0.5, 10));
        Assert.Empty(new ConsoleFilter(Pid: 99).Apply(lines, null, 10));
    }

    [Fact]
    public void The_filtered_lists_hold_the_lines_a_filter_over_all_lines_would_pass()
    {
        // Four processes writing on both streams, arriving a batch late now and then, checked against the
        // plain walk over every line that the per-process lists replace.
        var random = new Random(5);
        var lines = new ConsoleLines();
        var clocks = new double[4];
        for (var i = 0; i < 2_000; i++)
        {
            var pid = random.Next(4);
            clocks[pid] += random.NextDouble();
            lines.Add(new TimelineConsoleLine(clocks[pid], pid, pid, $"Process-{pid}", random.Next(5) == 0 ? "stderr" : "stdout", $"{pid}:{i}"));
        }

        Assert.True(lines.Zip(lines.Skip(1)).All(p => p.First.Timestamp <= p.Second.Timestamp));
        foreach (var pid in new int?[] { null, 0, 3, 7 })
        foreach (var stream in new[] { null, ConsoleFilter.Stdout, ConsoleFilter.Stderr })
        foreach (var until in new double?[] { null, 0.1, 50, 200, 1e9 })
        {
            var expected = lines.Where(l => (pid is null || l.Pid == pid) && (stream is null || l.Stream == stream) && (until is null || l.Timestamp <= until))
                .TakeLast(100).Select(l => l.Text);
            Assert.Equal(expected, new ConsoleFilter(pid, stream).Apply(lines, until, 100).Select(l => l.Text));
        }
    }
}
