using System.Text.RegularExpressions;
using Bunit;
using Playground.Client.Components.Memory.Pools;
using Playground.Shared.Memory;
using Playground.Shared.Memory.Allocation;
using Playground.Tests.Unit.Infrastructure;
using Xunit;

namespace Playground.Tests.Unit.Components.Memory.Pools;

/// <summary>The live sys._debugmallocstats() table, and the pool detail with the selected object's block.</summary>
public sealed class SizeClassTableTests : BunitTestBase
{
    private const ulong Pool0 = 0x7f00_0000_0000UL;

    [Fact]
    public void Rows_are_the_classes_with_a_pool_in_use_with_debugmallocstats_columns()
    {
        PoolRecord[] pools =
        [
            new(0, 0, Pool0, 1, 32, 510, 510, PoolState.Full),
            new(0, 1, Pool0 + 16384, 1, 32, 10, 510, PoolState.Used),
            new(0, 2, Pool0 + 32768, 3, 64, 0, 255, PoolState.Empty),
            new(0, 3, Pool0 + 49152, 31, 512, 2, 31, PoolState.Used),
        ];

        var table = Context.Render<SizeClassTable>(p => p
            .Add(c => c.Rows, SizeClassRow.Tabulate(pools))
            .Add(c => c.SelectedClass, 31));

        var rows = table.FindAll("[data-testid='size-class-row']");
        Assert.Equal(["1 32 2 520 500", "31 512 1 2 29"],
            rows.Select(r => string.Join(' ', r.QuerySelectorAll("td").Select(td => td.TextContent.Trim()))));
        Assert.Equal([false, true], rows.Select(r => r.ClassList.Contains("selected")));
        Assert.Contains("Small block threshold = 512, in 32 size classes.", table.Find("caption").TextContent);
    }

    [Fact]
    public async Task The_pool_detail_highlights_the_selected_objects_block_and_counts_blocks_without_objects()
    {
        var pool = new PoolRecord(0, 0, Pool0, 1, 32, 3, 510, PoolState.Used);
        PlacedObject[] objects =
        [
            Placed(7, "1.5", pool, block: 0),
            Placed(9, "2.5", pool, block: 2),
        ];
        long? chosen = null;

        var detail = Context.Render<PoolDetail>(p => p
            .Add(c => c.Pool, pool)
            .Add(c => c.Objects, objects)
            .Add(c => c.SelectedObjectId, 9L)
            .Add(c => c.ObjectSelected, id => chosen = id));

        var blocks = detail.FindAll(".block-strip .block");
        Assert.Equal(510, blocks.Count);
        Assert.Equal(["block object", "block", "block object selected"], blocks.Take(3).Select(b => b.ClassName));
        Assert.Contains("3 of 510 blocks used", detail.Find("[data-testid='pool-detail-summary']").TextContent);
        Assert.Contains("1 used block holds no object of the program", Regex.Replace(detail.Find("[data-testid='pool-detail']").TextContent, @"\s+", " "), StringComparison.Ordinal);

        await detail.FindAll("[data-testid='pool-object']")[0].ClickAsync(new());
        Assert.Equal(7, chosen);
    }

    private static PlacedObject Placed(long id, string repr, PoolRecord pool, int block) =>
        new(new HeapObject(id, "float", repr, 24, 1, false, -1, [], pool.Address + 48 + (ulong)(block * pool.BlockSize)),
            new ObjectBlock(BlockSource.Pool, pool, block, null));
}
