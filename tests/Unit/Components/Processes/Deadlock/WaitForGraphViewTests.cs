using Bunit;
using Playground.Client.Components.Processes.Deadlock;
using Playground.Client.Components.Processes.Timeline;
using Playground.Tests.Unit.Components.Processes.Timeline;
using Playground.Tests.Unit.Infrastructure;
using Xunit;

namespace Playground.Tests.Unit.Components.Processes.Deadlock;

/// <summary>The recorded two-lock deadlock (pids: MainProcess 2, Process-1 3, Process-2 4), drawn as a graph and marked in the timeline.</summary>
public sealed class WaitForGraphViewTests : BunitTestBase
{
    private static readonly Playground.Shared.Processes.WaitForGraph Graph = RecordedDeadlock.Graph("two_lock_deadlock");

    [Fact]
    public void The_cycle_is_the_two_workers_each_waiting_for_the_other_and_not_the_parent_that_joins_them()
    {
        Assert.Equal([3, 4], Graph.Cycle());
    }

    [Fact]
    public void The_graph_draws_three_processes_and_two_locks_with_the_workers_and_locks_on_the_cycle()
    {
        var view = Context.Render<WaitForGraphView>(p => p.Add(v => v.Graph, Graph));

        var nodes = view.FindAll("[data-testid='wait-for-node']");
        Assert.Equal(["Process MainProcess pid 2 false", "Process Process-1 pid 3 true", "Process Process-2 pid 4 true", "Resource Lock 0x7f39ca5bc000 true", "Resource Lock 0x7f39ca5bd000 true"],
            nodes.Select(n => $"{n.GetAttribute("data-kind")} {string.Join(' ', n.QuerySelectorAll("text").Select(t => t.TextContent))} {n.GetAttribute("data-cycle")}").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Each_worker_waits_for_the_lock_the_other_holds_and_the_parent_joins_the_first_worker()
    {
        var view = Context.Render<WaitForGraphView>(p => p.Add(v => v.Graph, Graph));

        var edges = view.FindAll("[data-testid='wait-for-edge']")
            .Select(e => $"{e.GetAttribute("data-from")} {e.QuerySelector("text")!.TextContent} {e.GetAttribute("data-to")} cycle={e.GetAttribute("data-cycle")}")
            .Order(StringComparer.Ordinal);
        Assert.Equal(
            [
                "process:2 joins process:3 cycle=false",
                "process:3 waits for resource:Lock-0x7f39ca5bc000 cycle=true",
                "process:4 waits for resource:Lock-0x7f39ca5bd000 cycle=true",
                "resource:Lock-0x7f39ca5bc000 held by process:4 cycle=true",
                "resource:Lock-0x7f39ca5bd000 held by process:3 cycle=true",
            ],
            edges);
        Assert.Equal("The cycle: Process-1 → Process-2 → Process-1: neither can go on.", view.Find("[data-testid='wait-for-cycle']").TextContent);
    }

    [Fact]
    public void No_two_boxes_of_the_graph_overlap()
    {
        var drawing = WaitForGraphLayout.Of(Graph);

        foreach (var a in drawing.Nodes)
        {
            Assert.InRange(a.X - (a.Width / 2), 0, drawing.Width);
            Assert.InRange(a.Y - (WaitForGraphLayout.NodeHeight / 2), 0, drawing.Height);
            foreach (var b in drawing.Nodes.Where(b => b != a))
            {
                var apart = Math.Abs(a.X - b.X) >= (a.Width + b.Width) / 2 || Math.Abs(a.Y - b.Y) >= WaitForGraphLayout.NodeHeight;
                Assert.True(apart, $"{a.Id} at ({a.X:0}, {a.Y:0}) overlaps {b.Id} at ({b.X:0}, {b.Y:0})");
            }
        }
    }

    [Fact]
    public void The_timeline_outlines_and_labels_the_lanes_of_the_two_workers_only()
    {
        var timeline = new ProcessTimeline();
        timeline.Apply(RecordedRuns.Load("two_lock_deadlock"));

        var view = Context.Render<ProcessTimelineView>(p => p.Add(v => v.Timeline, timeline).Add(v => v.Deadlocked, Graph.Cycle()));

        Assert.Equal(["3", "4"], view.FindAll("[data-testid='timeline-deadlock']").Select(o => o.ParentElement!.GetAttribute("data-pid")!));
        Assert.All(view.FindAll("[data-testid='timeline-deadlock']"), o => Assert.Equal("in deadlock", o.QuerySelector("[data-testid='lane-deadlock']")!.TextContent));
        Assert.Equal(["Process-1", "Process-2"], view.FindAll("[data-testid='timeline-lane-name'][data-deadlock='true']").Select(n => n.QuerySelector(".name")!.TextContent));
    }
}
