namespace Playground.Shared.Memory.Allocation;

/// <summary>
/// pymalloc's geometry on a 64-bit CPython 3.11, shared by the engine that simulates it and the pages that
/// draw it. The values and formulas are those of 3.11 <c>Objects/obmalloc.c</c>: <c>ALIGNMENT</c> 16
/// (lines 878-884), <c>SMALL_REQUEST_THRESHOLD</c> 512 (904), 16 KiB pools and 1 MiB arenas because
/// 64-bit builds turn on <c>USE_LARGE_POOLS</c>/<c>USE_LARGE_ARENAS</c> with the radix tree (935-978), and
/// <c>POOL_OVERHEAD</c>, the 48-byte <c>struct pool_header</c> rounded up to the alignment (1001-1011, 1056).
/// (The big table in obmalloc.c's opening comment still shows the 32-bit layout of 8-byte classes.)
/// </summary>
public static class PymallocLayout
{
    /// <summary><c>ALIGNMENT</c>: block alignment and the spacing of size classes.</summary>
    public const int Alignment = 16;

    /// <summary><c>ALIGNMENT_SHIFT</c>: log2 of <see cref="Alignment"/>.</summary>
    public const int AlignmentShift = 4;

    /// <summary><c>SMALL_REQUEST_THRESHOLD</c>: the largest request pymalloc serves; larger ones go to the system allocator.</summary>
    public const int SmallRequestThreshold = 512;

    /// <summary><c>NB_SMALL_SIZE_CLASSES</c>: 32 classes of 16, 32, …, 512 bytes.</summary>
    public const int SizeClasses = SmallRequestThreshold / Alignment;

    /// <summary><c>POOL_SIZE</c>: 16 KiB (<c>POOL_BITS</c> 14).</summary>
    public const int PoolSize = 1 << 14;

    /// <summary><c>ARENA_SIZE</c>: 1 MiB (<c>ARENA_BITS</c> 20).</summary>
    public const int ArenaSize = 1 << 20;

    /// <summary><c>MAX_POOLS_IN_ARENA</c>: 64; an arena that is not pool-aligned loses one to alignment.</summary>
    public const int PoolsPerArena = ArenaSize / PoolSize;

    /// <summary><c>POOL_OVERHEAD</c>: the pool header in front of the first block.</summary>
    public const int PoolOverhead = 48;

    /// <summary><c>(nbytes - 1) &gt;&gt; ALIGNMENT_SHIFT</c>, or -1 for a request pymalloc declines (0 bytes, more than 512).</summary>
    public static int SizeClassOf(int nbytes) =>
        (uint)(nbytes - 1) < SmallRequestThreshold ? (nbytes - 1) >> AlignmentShift : -1;

    /// <summary><c>INDEX2SIZE(szidx)</c>: the block size of a size class.</summary>
    public static int BlockSizeOf(int sizeClass) => (sizeClass + 1) << AlignmentShift;

    /// <summary><c>NUMBLOCKS(szidx)</c>: how many blocks of the class fit in a pool after its header.</summary>
    public static int BlocksPerPool(int sizeClass) => (PoolSize - PoolOverhead) / BlockSizeOf(sizeClass);

    /// <summary><c>POOL_ADDR(p)</c>: pools are pool-aligned, so the pool of a block is its address with the low 14 bits cleared.</summary>
    public static ulong PoolAddressOf(ulong address) => address & ~(ulong)(PoolSize - 1);
}
