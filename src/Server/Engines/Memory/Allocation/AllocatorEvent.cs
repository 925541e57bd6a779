namespace Playground.Engines.Memory.Allocation;

/// <summary>
/// One thing pymalloc did, as a record the trace can carry and the pool grid can animate. Every event
/// names the block or pool or arena it touched with obmalloc's coordinates: the size class index
/// (<c>szidx</c>), the index of the arena object in the <c>arenas</c> vector (<c>arenaindex</c>), the
/// pool's position in its arena and the block's position in its pool. A coordinate that does not apply
/// (a block index for an arena event, anything for a system allocation) is -1.
/// </summary>
public abstract record AllocatorEvent(ulong Address, int SizeClass, int ArenaIndex, int PoolIndex, int BlockIndex);

/// <summary>A block was handed out by <c>pymalloc_alloc</c> (3.11 <c>Objects/obmalloc.c</c>:1948).</summary>
public sealed record BlockAllocated(ulong Address, int RequestedBytes, int SizeClass, int ArenaIndex, int PoolIndex, int BlockIndex)
    : AllocatorEvent(Address, SizeClass, ArenaIndex, PoolIndex, BlockIndex);

/// <summary>A block went back to the head of its pool's freeblock list (<c>pymalloc_free</c>, obmalloc.c:2218).</summary>
public sealed record BlockFreed(ulong Address, int SizeClass, int ArenaIndex, int PoolIndex, int BlockIndex)
    : AllocatorEvent(Address, SizeClass, ArenaIndex, PoolIndex, BlockIndex);

/// <summary>
/// A free pool was taken for a size class by <c>allocate_from_new_pool</c> (obmalloc.c:1812). Carved: the
/// pool was cut from the arena's never-used tail (<c>pool_address</c>); otherwise it came off the arena's
/// <c>freepools</c> list. KeptFreeList: the pool last served the same size class, so obmalloc reuses its
/// header and freeblock list as they were ("Luckily, this pool last contained blocks of the same size class").
/// </summary>
public sealed record PoolInitialized(ulong Address, int SizeClass, int ArenaIndex, int PoolIndex, bool Carved, bool KeptFreeList)
    : AllocatorEvent(Address, SizeClass, ArenaIndex, PoolIndex, -1);

/// <summary>The pool's last free block was handed out and it left <c>usedpools</c> (<c>pymalloc_pool_extend</c>, obmalloc.c:1790).</summary>
public sealed record PoolBecameFull(ulong Address, int SizeClass, int ArenaIndex, int PoolIndex)
    : AllocatorEvent(Address, SizeClass, ArenaIndex, PoolIndex, -1);

/// <summary>A block of a full pool was freed, so the pool went back to the front of <c>usedpools</c> (<c>insert_to_usedpool</c>, obmalloc.c:2032).</summary>
public sealed record PoolBecameUsed(ulong Address, int SizeClass, int ArenaIndex, int PoolIndex)
    : AllocatorEvent(Address, SizeClass, ArenaIndex, PoolIndex, -1);

/// <summary>The pool's last block was freed and it went to the front of its arena's <c>freepools</c> (<c>insert_to_freepool</c>, obmalloc.c:2048).</summary>
public sealed record PoolBecameEmpty(ulong Address, int SizeClass, int ArenaIndex, int PoolIndex)
    : AllocatorEvent(Address, SizeClass, ArenaIndex, PoolIndex, -1);

/// <summary>A 1 MiB arena was mapped by <c>new_arena</c> (obmalloc.c:1579) into arena object <c>ArenaIndex</c>.</summary>
public sealed record ArenaAllocated(ulong Address, int ArenaIndex, int TotalPools)
    : AllocatorEvent(Address, -1, ArenaIndex, -1, -1);

/// <summary>An arena whose pools were all free was unmapped (case 1 of <c>insert_to_freepool</c>).</summary>
public sealed record ArenaFreed(ulong Address, int ArenaIndex)
    : AllocatorEvent(Address, -1, ArenaIndex, -1, -1);

/// <summary>A request pymalloc declines (0 bytes or more than 512) went to <c>PyMem_RawMalloc</c>, i.e. the C library's malloc.</summary>
public sealed record SystemAllocation(ulong Address, int RequestedBytes)
    : AllocatorEvent(Address, -1, -1, -1, -1);

/// <summary>A block that came from <c>PyMem_RawMalloc</c> went back to <c>PyMem_RawFree</c>.</summary>
public sealed record SystemFree(ulong Address, int RequestedBytes)
    : AllocatorEvent(Address, -1, -1, -1, -1);
