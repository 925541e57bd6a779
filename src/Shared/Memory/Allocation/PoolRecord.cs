namespace Playground.Shared.Memory.Allocation;

/// <summary>
/// One carved pool as the trace carries it: the arena it is in (<c>pool->arenaindex</c>), its position in
/// that arena, its base address, the size class it serves (<c>szidx</c>; the class it served last while
/// it is empty), the block size, <c>ref.count</c> and <c>NUMBLOCKS(szidx)</c>. A block's index in the pool
/// is <c>(address - pool - POOL_OVERHEAD) / block size</c>.
/// </summary>
public sealed record PoolRecord(
    int ArenaIndex,
    int Index,
    ulong Address,
    int SizeClass,
    int BlockSize,
    int UsedBlocks,
    int TotalBlocks,
    PoolState State)
{
    /// <summary>The block that starts at <paramref name="address"/>, or -1 when the address is not a block boundary of this pool.</summary>
    public int BlockAt(ulong address)
    {
        if (address < Address + PymallocLayout.PoolOverhead || address >= Address + PymallocLayout.PoolSize)
        {
            return -1;
        }

        var offset = (long)(address - Address) - PymallocLayout.PoolOverhead;
        return offset % BlockSize == 0 && offset / BlockSize < TotalBlocks ? (int)(offset / BlockSize) : -1;
    }
}
