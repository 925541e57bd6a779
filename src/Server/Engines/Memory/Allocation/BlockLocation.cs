namespace Playground.Engines.Memory.Allocation;

/// <summary>
/// Where an allocated address lives. For a pymalloc block: its size class, arena index, pool index in the
/// arena and block index in the pool (what <c>POOL_ADDR</c> and <c>pool->arenaindex</c> give obmalloc). For a
/// block of the system allocator: SizeClass, ArenaIndex, PoolIndex and BlockIndex are -1 and SystemBytes is
/// the size asked for.
/// </summary>
public readonly record struct BlockLocation(int SizeClass, int ArenaIndex, int PoolIndex, int BlockIndex, int SystemBytes)
{
    /// <summary>True when the block came from <c>PyMem_RawMalloc</c> rather than from a pool.</summary>
    public bool IsSystem => ArenaIndex < 0;
}
