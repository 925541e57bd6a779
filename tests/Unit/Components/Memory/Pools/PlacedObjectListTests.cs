using Bunit;
using Playground.Client.Components.Memory;
using Playground.Client.Components.Memory.Pools;
using Playground.Engines.Memory;
using Playground.Shared.Memory;
using Playground.Shared.Memory.Allocation;
using Playground.Tests.Unit.Infrastructure;
using Xunit;

namespace Playground.Tests.Unit.Components.Memory.Pools;

/// <summary>
/// The pools page's lists of placed objects and of system allocations, drawn from a step of the real
/// memory engine: after line 4 of the script a 1,049-byte str lives in a block of the system allocator
/// and a float and a list in pool blocks. (The run's last step is its teardown, which frees them.)
/// </summary>
public sealed class PlacedObjectListTests : BunitTestBase
{
    private const string Script = "n = 1000\nbig = 'x' * n\nf = 3.5\nsmall = [f, f]\nprint(len(big))\n";

    private static PoolsStepView AfterLine4()
    {
        var trace = MemorySimulator.Run(Script, new SimulationOptions());
        var step = trace.Steps.Last(s => s.Line == 4).Index;
        return PoolsStepView.At(trace, step, MemoryStepView.At(trace, step).Objects)!;
    }

    [Fact]
    public void Each_object_says_where_its_memory_is_and_the_big_str_is_a_system_block()
    {
        var view = AfterLine4();
        var list = Context.Render<PlacedObjectList>(p => p.Add(c => c.Objects, view.Objects));

        var rows = list.FindAll("[data-testid='placed-object']");
        Assert.Equal(view.Objects.Count, rows.Count);
        var big = rows.Single(r => r.QuerySelector(".label")!.TextContent.StartsWith("str 'xxx", StringComparison.Ordinal));
        Assert.Equal("System", big.GetAttribute("data-source"));
        Assert.Contains("1049 B", big.TextContent, StringComparison.Ordinal);
        var f = rows.Single(r => r.QuerySelector(".label")!.TextContent == "float 3.5");
        Assert.Equal("Pool", f.GetAttribute("data-source"));
        Assert.NotNull(f.QuerySelector(".class-swatch"));
        Assert.Null(big.QuerySelector(".class-swatch"));
    }

    [Fact]
    public void A_click_or_Enter_selects_an_object_and_the_selected_and_changed_rows_are_marked()
    {
        var view = AfterLine4();
        var small = view.Objects.Single(o => o.Label == "list of 2").Object.Id;
        var f = view.Objects.Single(o => o.Label == "float 3.5").Object.Id;
        var chosen = new List<long>();
        var list = Context.Render<PlacedObjectList>(p => p
            .Add(c => c.Objects, view.Objects)
            .Add(c => c.SelectedObjectId, f)
            .Add(c => c.ChangedIds, new HashSet<long> { small })
            .Add(c => c.ObjectSelected, id => chosen.Add(id)));

        var rows = list.FindAll("[data-testid='placed-object']");
        var row = rows.Single(r => r.QuerySelector(".label")!.TextContent == "list of 2");
        Assert.Contains("changed", row.ClassList);
        Assert.Equal("true", rows.Single(r => r.QuerySelector(".label")!.TextContent == "float 3.5").GetAttribute("aria-selected"));
        row.Click();
        list.FindAll("[data-testid='placed-object']").Single(r => r.QuerySelector(".label")!.TextContent == "float 3.5").KeyDown(new Microsoft.AspNetCore.Components.Web.KeyboardEventArgs { Key = "Enter" });

        Assert.Equal([small, f], chosen);
    }

    [Fact]
    public void The_system_allocations_name_the_object_in_each_block_and_a_click_selects_it()
    {
        var view = AfterLine4();
        var chosen = new List<long>();
        var list = Context.Render<SystemAllocationList>(p => p
            .Add(c => c.Allocations, view.SystemAllocations)
            .Add(c => c.ObjectSelected, id => chosen.Add(id)));

        var blocks = list.FindAll("[data-testid='system-allocation']");
        Assert.Equal(view.SystemAllocations.Count, blocks.Count);
        var big = view.SystemAllocations.Single(a => a.Object?.Object.Type == "str");
        var item = blocks.Single(b => b.TextContent.Contains("str 'xxx", StringComparison.Ordinal));
        Assert.Contains($"{big.Block.Bytes:N0} bytes", item.TextContent, StringComparison.Ordinal);
        item.Click();
        Assert.Equal([big.Object!.Object.Id], chosen);
    }

    [Fact]
    public void Without_system_blocks_the_list_says_every_object_fits_a_pool()
    {
        var list = Context.Render<SystemAllocationList>(p => p.Add(c => c.Allocations, Array.Empty<SystemAllocation>()));

        Assert.Contains("every object fits in 512 bytes", list.Find("[data-testid='system-allocations']").TextContent, StringComparison.Ordinal);
        Assert.Empty(list.FindAll("[data-testid='system-allocation']"));
    }
}
