using Bunit;
using Playground.Client.Components.Memory.Pools;
using Playground.Shared.Memory.Allocation;
using Playground.Tests.Unit.Infrastructure;
using Xunit;

namespace Playground.Tests.Unit.Components.Memory.Pools;

/// <summary>The pool grid drawn from an allocator state built by hand, as obmalloc would have it.</summary>
public sealed class PoolGridTests : BunitTestBase
{
    private const ulong Arena0 = 0x7f00_0000_0000UL;
    private const ulong Arena1 = Arena0 + (2UL << 20);

    // Arena 0: pool 0 of floats (class 1) half full, pool 1 of class 3 full, pool 2 empty (last served class 1).
    private static readonly PoolRecord Floats = new(0, 0, Arena0, 1, 32, 255, 510, PoolState.Used);
    private static readonly PoolRecord Full = new(0, 1, Arena0 + 16384, 3, 64, 255, 255, PoolState.Full);
    private static readonly PoolRecord Emptied = new(0, 2, Arena0 + 2 * 16384, 1, 32, 0, 510, PoolState.Empty);

    private static readonly AllocatorState State = new(
        [new ArenaRecord(0, Arena0, 64, Freed: false), new ArenaRecord(1, Arena1, 64, Freed: true)],
        [Floats, Full, Emptied],
        []);

    private PoolRecord? _selected;

    private IRenderedComponent<PoolGrid> Render(PoolRecord? selected = null, PoolRecord? objectPool = null) =>
        Context.Render<PoolGrid>(p => p
            .Add(c => c.State, State)
            .Add(c => c.ChangedPools, new HashSet<(int, int)> { (0, 2) })
            .Add(c => c.ChangedArenas, new HashSet<int> { 1 })
            .Add(c => c.SelectedPool, selected)
            .Add(c => c.ObjectPool, objectPool)
            .Add(c => c.PoolSelected, pool => _selected = pool));

    [Fact]
    public void Each_carved_pool_is_a_tile_filled_by_its_used_blocks_and_labelled_for_screen_readers()
    {
        var grid = Render();

        var tiles = grid.FindAll("[data-testid='pool-tile']");
        Assert.Equal(3, tiles.Count);
        Assert.Equal(61, grid.FindAll(".pool-tile.uncarved").Count);
        Assert.Equal("Pool 0 of arena 0: size class 1 (32-byte blocks), 255 of 510 blocks used, used", tiles[0].GetAttribute("aria-label"));
        Assert.Equal("height: 50%", tiles[0].QuerySelector(".pool-fill")!.GetAttribute("style"));
        Assert.Equal("height: 100%", tiles[1].QuerySelector(".pool-fill")!.GetAttribute("style"));
        Assert.Equal("height: 0%", tiles[2].QuerySelector(".pool-fill")!.GetAttribute("style"));
        Assert.Contains("empty", tiles[2].ClassList);
        Assert.Equal(tiles[0].GetAttribute("style"), tiles[2].GetAttribute("style"));
        Assert.NotEqual(tiles[0].GetAttribute("style"), tiles[1].GetAttribute("style"));
    }

    [Fact]
    public void What_the_step_changed_is_outlined_and_a_freed_arena_says_it_was_given_back()
    {
        var grid = Render();

        var tiles = grid.FindAll("[data-testid='pool-tile']");
        Assert.Equal([false, false, true], tiles.Select(t => t.ClassList.Contains("changed")));
        var arenas = grid.FindAll("[data-testid='arena']");
        Assert.Equal(2, arenas.Count);
        Assert.Contains("3 of 64 pools carved · 1 empty", arenas[0].TextContent);
        Assert.Contains("freed", arenas[1].ClassList);
        Assert.Contains("changed", arenas[1].ClassList);
        Assert.Equal("given back to the system", arenas[1].QuerySelector("[data-testid='arena-freed']")!.TextContent);
        Assert.Empty(arenas[1].QuerySelectorAll("[data-testid='pool-tile']"));
    }

    [Fact]
    public async Task Clicking_a_tile_selects_its_pool_and_the_selected_objects_pool_is_marked()
    {
        var grid = Render(selected: Full, objectPool: Floats);

        var tiles = grid.FindAll("[data-testid='pool-tile']");
        Assert.Equal(["false", "true", "false"], tiles.Select(t => t.GetAttribute("aria-pressed")));
        Assert.Contains("holds-object", tiles[0].ClassList);
        Assert.DoesNotContain("holds-object", tiles[1].ClassList);

        await grid.FindAll("[data-testid='pool-tile']")[2].ClickAsync(new());

        Assert.Equal(Emptied, _selected);
    }
}
