using Bunit;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Playground.Client.Components.Editor;
using Playground.Client.Components.Memory;
using Playground.Client.Components.Scenarios;
using Playground.Engines.Memory;
using Playground.Server.EngineServices;
using Playground.Shared.Memory;
using Playground.Shared.Pages;
using Playground.Tests.Unit.Infrastructure;
using Xunit;

namespace Playground.Tests.Unit.Components.Memory;

/// <summary>
/// The memory pages' run view in the shell, over the real memory engine: Run, then the step controls,
/// and the change log of each step in words.
/// </summary>
public sealed class MemoryRunViewTests : WorkbenchTestBase
{
    public MemoryRunViewTests()
    {
        Context.Services.AddSingleton(Options.Create(new SimulationOptions()));
        Context.Services.AddSingleton<MemoryEngineThrottle>();
        Context.Services.AddScoped<IMemoryEngineService, MemoryEngineService>();
    }

    private async Task<IRenderedComponent<ScenarioWorkbench>> RunAsync(string code)
    {
        var workbench = Context.Render<ScenarioWorkbench>(p => p.Add(w => w.Page, PageCatalog.RefCount).AddChildContent<MemoryRunView>());
        await TypeAsync(workbench, code);
        await workbench.Find("button[data-testid='run']").ClickAsync(new());
        workbench.WaitForAssertion(() => Assert.StartsWith("Step 1 of ", workbench.Find("[data-testid='step-position']").TextContent, StringComparison.Ordinal), TimeSpan.FromSeconds(30));
        return workbench;
    }

    /// <summary>Presses <paramref name="key"/> on the step controls until the step's line is <paramref name="line"/>.</summary>
    private static void StepToLine(IRenderedComponent<ScenarioWorkbench> workbench, int line, string key = "ArrowRight")
    {
        for (var i = 0; i < 200 && !workbench.Find("[data-testid='heap-objects']").ParentElement!.TextContent.Contains($"Objects after line {line}", StringComparison.Ordinal); i++)
        {
            workbench.Find("[data-testid='step-controls']").KeyDown(new KeyboardEventArgs { Key = key });
        }
    }

    private static List<string> Log(IRenderedComponent<ScenarioWorkbench> workbench) =>
        [.. workbench.FindAll("[data-testid='refcount-log'] li").Select(li => li.TextContent.Trim())];

    [Fact]
    public async Task Each_step_logs_its_count_changes_in_words_and_stepping_back_shows_the_earlier_ones_again()
    {
        var workbench = await RunAsync("a = [1]\nb = a\ndel a\nprint(b)\n");

        StepToLine(workbench, 2);
        Assert.Contains(Log(workbench), e => e.StartsWith("+1 b now refers to the list (line 2)", StringComparison.Ordinal) && e.EndsWith(", refcount now 2", StringComparison.Ordinal));
        // The name the reason gives in backticks is set as code, not shown with its backticks.
        Assert.Contains(workbench.FindAll("[data-testid='refcount-log'] li code"), c => c.TextContent == "b");

        StepToLine(workbench, 3);
        Assert.Contains(Log(workbench), e => e.StartsWith("-1 a no longer refers to the list: del (line 3)", StringComparison.Ordinal) && e.EndsWith(", refcount now 1", StringComparison.Ordinal));

        StepToLine(workbench, 2, "ArrowLeft");
        Assert.Contains(Log(workbench), e => e.StartsWith("+1 b now refers to the list (line 2)", StringComparison.Ordinal));
        Assert.DoesNotContain(Log(workbench), e => e.Contains("del", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_runs_what_the_editor_holds_even_before_its_change_event_has_reached_the_page()
    {
        var workbench = Context.Render<ScenarioWorkbench>(p => p.Add(w => w.Page, PageCatalog.RefCount).AddChildContent<MemoryRunView>());
        HoldInEditor("print('typed just now')\n");

        await workbench.Find("button[data-testid='run']").ClickAsync(new());

        workbench.WaitForAssertion(() => Assert.StartsWith("Step 1 of ", workbench.Find("[data-testid='step-position']").TextContent, StringComparison.Ordinal), TimeSpan.FromSeconds(30));
        workbench.Find("[data-testid='step-controls']").KeyDown(new KeyboardEventArgs { Key = "End" });
        Assert.Contains("typed just now", workbench.Find("[data-testid='run-output']").TextContent, StringComparison.Ordinal);
        Assert.Equal("print('typed just now')\n", workbench.Instance.Code);
    }

    [Fact]
    public async Task A_step_that_frees_hundreds_of_objects_logs_the_first_hundred_lines_and_says_how_many_more()
    {
        // A list and a set in turn: no two changes in a row read alike, nor are two objects freed in a row of one type.
        const string code = "xs = []\nfor i in range(300):\n    xs.append([1000 + i])\n    xs.append({1000 + i})\nxs = None\nprint('done')\n";
        var trace = MemorySimulator.Run(code, new SimulationOptions());
        var step = trace.Steps.Single(s => s.Line == 5);
        var phrased = RefCountLog.Phrase(MemoryStepView.At(trace, step.Index).Changes);
        var freed = RefCountLog.Fold(step.Freed, 100);
        var workbench = await RunAsync(code);

        workbench.Find("[data-testid='step-controls']").KeyDown(new KeyboardEventArgs { Key = "End" });
        StepToLine(workbench, 5, "ArrowLeft");

        var log = Log(workbench);
        Assert.True(phrased.Count > 300 && step.Freed.Count > 300, $"{phrased.Count} lines of changes, {step.Freed.Count} freed");
        Assert.Equal($"… and {phrased.Skip(100).Sum(e => e.Times):N0} more reference count changes on this step.", log[100]);
        Assert.Equal(100, log.Count(e => e.StartsWith("freed ", StringComparison.Ordinal)));
        Assert.True(freed.ObjectsNotShown > 400, $"{freed.ObjectsNotShown} freed objects not shown");
        Assert.Equal($"… and {freed.ObjectsNotShown:N0} more objects freed on this step.", log[^1]);
        Assert.StartsWith("-1 xs now refers to another object, not the list (line 5)", log[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_linked_list_torn_down_is_logged_a_line_for_each_thing_that_happened_with_how_many_times()
    {
        const string code = "class Node:\n    def __init__(self, previous):\n        self.previous = previous\nhead = None\nfor _ in range(200):\n    head = Node(head)\nprint('built')\n";
        var workbench = await RunAsync(code);

        workbench.Find("[data-testid='step-controls']").KeyDown(new KeyboardEventArgs { Key = "End" });

        var log = Log(workbench);
        Assert.Contains(log, e => e.StartsWith("-1 released by an object being freed (attribute) · Node object, refcount now 0", StringComparison.Ordinal) && e.EndsWith("×199", StringComparison.Ordinal));
        Assert.Contains("freed Node: reference count reached zero ×200", log);
        // each node freed lets go of its class too (subtype_dealloc): that release, alternating with the
        // nodes', is one entry as well, with the count the class is left at
        Assert.Contains(log, e => e.StartsWith("-1 released by an object being freed (type) · class Node, refcount now 3", StringComparison.Ordinal) && e.EndsWith("×200", StringComparison.Ordinal));
        Assert.True(log.Count < 10, string.Join("\n", log));
    }

    [Fact]
    public async Task A_view_made_ahead_is_shown_as_made_and_every_step_reads_as_a_view_made_from_the_trace()
    {
        // Objects made, changed and freed on most steps, and a teardown that frees them all at once.
        const string code = "class Node:\n    def __init__(self, previous):\n        self.previous = previous\nhead = None\nfor i in range(6):\n    head = Node(head)\n    if i % 2:\n        head.previous = None\nxs = [head, [1, 2], 'x' * 3]\ndel xs[1]\nprint('done')\n";
        var trace = MemorySimulator.Run(code, new SimulationOptions());
        MemoryStepContext? shown = null;
        var workbench = Context.Render<ScenarioWorkbench>(p => p.Add(w => w.Page, PageCatalog.RefCount).AddChildContent<MemoryRunView>(v => v
            .Add(r => r.ChildContent, context => builder => shown = context)));
        await TypeAsync(workbench, code);
        await workbench.Find("button[data-testid='run']").ClickAsync(new());
        workbench.WaitForAssertion(() => Assert.NotNull(shown), TimeSpan.FromSeconds(30));
        Assert.Equal(trace.Steps.Count, shown!.Trace.Steps.Count);

        // Forward with the next step made ahead, back with the one before, then moves that leave a view
        // made ahead unused (the spare cursor stays where it was made, away from the page's).
        var last = trace.Steps.Count - 1;
        var moves = new List<(int Ahead, string Key)>();
        moves.AddRange(Enumerable.Range(1, last).Select(i => (i, "ArrowRight")));
        moves.AddRange(Enumerable.Range(0, last).Reverse().Select(i => (i, "ArrowLeft")));
        moves.AddRange([(5, "ArrowRight"), (2, "ArrowRight"), (9, "End"), (last - 1, "ArrowLeft"), (3, "Home"), (1, "ArrowRight"), (last, "End"), (2, "ArrowLeft")]);
        var controls = workbench.Find("[data-testid='step-controls']");
        foreach (var (ahead, key) in moves)
        {
            var from = shown.View.Index;
            var to = key switch { "ArrowRight" => from + 1, "ArrowLeft" => from - 1, "Home" => 0, _ => last };
            var made = await workbench.InvokeAsync(() => shown.ViewAhead!(ahead));
            // the step on screen keeps its cursor where it was: the view ahead moved another one
            Assert.Equal(from, shown.View.Cursor!.StepIndex);
            await controls.KeyDownAsync(new KeyboardEventArgs { Key = key });
            var view = shown.View;
            Assert.Equal(to, view.Index);
            if (ahead == to)
            {
                Assert.Same(made, view);
            }

            var fresh = MemoryStepView.At(trace, to);
            Assert.Equal(Describe(fresh.Objects), Describe(view.Objects));
            Assert.Equal(Describe(fresh.Cursor?.ObjectsById() ?? [.. fresh.Objects]), Describe(view.Cursor!.ObjectsById()));
            Assert.Equal(fresh.Changes.Select(c => (c.Change, c.ObjectLabel)), view.Changes.Select(c => (c.Change, c.ObjectLabel)));
            Assert.Equal(fresh.Gone.Keys.Order(), view.Gone.Keys.Order());
            Assert.Equal(fresh.Frames.SelectMany(f => f.Bindings.Select(b => (f.Function, b))), view.Frames.SelectMany(f => f.Bindings.Select(b => (f.Function, b))));
            Assert.Equal(fresh.FreedCards.Select(c => (c.Object.Id, c.Reason)), view.FreedCards.Select(c => (c.Object.Id, c.Reason)));
            Assert.Equal(fresh.Log(100).Shown, view.Log(100).Shown);
        }

        static List<string> Describe(IEnumerable<HeapObject> objects) => [.. objects.Select(o => $"{o.Id} {o.Type} {o.Repr} {o.RefCount}")];
    }
}
