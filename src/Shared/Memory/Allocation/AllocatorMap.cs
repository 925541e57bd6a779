namespace Playground.Shared.Memory.Allocation;

/// <summary>
/// Finds the block behind an address in an <see cref="AllocatorState"/>, the way obmalloc does: the pool
/// is the address rounded down to 16 KiB (<c>POOL_ADDR</c>), and an address that is in no carved pool
/// and is no live system block is not the allocators' at all, so the object is static.
/// </summary>
public sealed class AllocatorMap
{
    private readonly Dictionary<ulong, PoolRecord> _pools;
    private readonly Dictionary<ulong, SystemBlock> _system;

    public AllocatorMap(AllocatorState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        State = state;
        _pools = state.Pools.ToDictionary(p => p.Address);
        _system = state.SystemBlocks.ToDictionary(b => b.Address);
    }

    public AllocatorState State { get; }

    public ObjectBlock Locate(ulong address)
    {
        if (_system.TryGetValue(address, out var block))
        {
            return new ObjectBlock(BlockSource.System, null, -1, block);
        }

        if (_pools.TryGetValue(PymallocLayout.PoolAddressOf(address), out var pool) && pool.BlockAt(address) is >= 0 and var index)
        {
            return new ObjectBlock(BlockSource.Pool, pool, index, null);
        }

        return ObjectBlock.Static;
    }
}
