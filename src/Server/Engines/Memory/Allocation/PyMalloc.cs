using System.Globalization;
using Playground.Shared.Memory.Allocation;

namespace Playground.Engines.Memory.Allocation;

/// <summary>
/// A model of CPython 3.11's small-object allocator, pymalloc (<c>Objects/obmalloc.c</c>), on a 64-bit build,
/// handing out simulated addresses.
///
/// The picture obmalloc.c draws (its long comments at lines 765-1000 and 1066-1260 of the 3.11 file):
/// <list type="bullet">
/// <item>A request of 1..512 bytes (<c>SMALL_REQUEST_THRESHOLD</c>) is rounded up to a multiple of 16
/// (<c>ALIGNMENT</c>); that gives one of 32 size classes, <c>szidx = (nbytes - 1) &gt;&gt; 4</c>, blocks of
/// 16, 32, ..., 512 bytes. Anything else, including 0 bytes, goes to <c>PyMem_RawMalloc</c> (the C library's
/// malloc), because <c>pymalloc_alloc</c> returns NULL for it (obmalloc.c:1959-1964).</item>
/// <item>Blocks of one class are cut from a 16 KiB pool (<c>POOL_SIZE</c>, 16 KiB since 3.10 turned on
/// <c>USE_LARGE_POOLS</c> with the radix tree). The pool starts with its 48-byte header
/// (<c>POOL_OVERHEAD</c>), so the first block sits at offset 48 and a pool holds
/// <c>NUMBLOCKS(i) = (POOL_SIZE - POOL_OVERHEAD) / size</c> blocks.</item>
/// <item>Pools are cut from 1 MiB arenas (<c>ARENA_SIZE</c>, <c>USE_LARGE_ARENAS</c> on 64-bit): 64 pools,
/// or 63 when the mapping is not 16 KiB aligned.</item>
/// <item>A pool is <i>used</i> (some blocks allocated, some free; linked in <c>usedpools[szidx]</c>),
/// <i>full</i> (no free block; in no list) or <i>empty</i> (no block allocated; in its arena's
/// <c>freepools</c>). A freed block goes to the head of its pool's freeblock list, so the next request of
/// that class gets it back (LIFO); only when that list is exhausted does the pool bump into its never-used
/// blocks through <c>nextoffset</c>/<c>maxnextoffset</c>.</item>
/// <item>Arenas with free pools are on <c>usable_arenas</c>, sorted by <c>nfreepools</c> ascending, and new
/// pools come from its head: the arena with the fewest free pools, so that nearly empty arenas drain and can be
/// given back. <c>nfp2lasta[n]</c> points at the last arena with <c>n</c> free pools, which makes keeping the
/// order O(1) (obmalloc.c:1196-1258; nfp2lasta came in 3.8, bpo-37029).</item>
/// <item>When the last pool of an arena becomes free the arena is unmapped, unless it is the last arena of
/// <c>usable_arenas</c>: one wholly free arena is kept there, so a loop that allocates and frees one object
/// does not map and unmap an arena on every iteration (obmalloc.c:2078-2092, bpo-37257).</item>
/// </list>
/// Addresses are simulated: arena object <c>i</c> maps its arena at <see cref="ArenaRegionBase"/> + i · 2 MiB,
/// so an address leads back to its arena and pool by arithmetic, as the C code's <c>POOL_ADDR</c> and
/// <c>address_in_range</c> do; system allocations come from a separate range below it.
/// Not thread safe, like the C code without the GIL.
/// Line numbers cited in this folder are those of <c>Objects/obmalloc.c</c> in the CPython 3.11.2 sources
/// (Debian's <c>python3.11</c> source package); the 3.11.7 our machines run allocates the same way.
/// </summary>
public sealed partial class PyMalloc
{
    /// <summary>Block alignment and size-class spacing on 64-bit builds (obmalloc.c:878-880).</summary>
    public const int ALIGNMENT = PymallocLayout.Alignment;
    public const int ALIGNMENT_SHIFT = PymallocLayout.AlignmentShift;

    /// <summary>Largest request pymalloc serves itself (obmalloc.c:904).</summary>
    public const int SMALL_REQUEST_THRESHOLD = PymallocLayout.SmallRequestThreshold;

    /// <summary><c>SMALL_REQUEST_THRESHOLD / ALIGNMENT</c>: 32 classes of 16..512 bytes.</summary>
    public const int NB_SMALL_SIZE_CLASSES = SMALL_REQUEST_THRESHOLD / ALIGNMENT;

    /// <summary>16 KiB: <c>POOL_BITS</c> 14 under <c>USE_LARGE_POOLS</c> (obmalloc.c:935-978).</summary>
    public const int POOL_SIZE = PymallocLayout.PoolSize;

    /// <summary>1 MiB: <c>ARENA_BITS</c> 20 under <c>USE_LARGE_ARENAS</c>, on for 64-bit builds with the radix tree (obmalloc.c:935-963).</summary>
    public const int ARENA_SIZE = PymallocLayout.ArenaSize;

    /// <summary><c>ARENA_SIZE / POOL_SIZE</c>.</summary>
    public const int MAX_POOLS_IN_ARENA = ARENA_SIZE / POOL_SIZE;

    /// <summary>
    /// <c>_Py_SIZE_ROUND_UP(sizeof(struct pool_header), ALIGNMENT)</c> (obmalloc.c:1056): the header is a
    /// count (padded to a pointer), four pointers and four unsigned ints, 48 bytes, already a multiple of 16.
    /// </summary>
    public const int POOL_OVERHEAD = PymallocLayout.PoolOverhead;

    /// <summary>Slots first given to the <c>arenas</c> vector, doubled whenever all are in use (obmalloc.c:1264).</summary>
    public const int INITIAL_ARENA_OBJECTS = 16;

    /// <summary>Where simulated arenas live: arena object i maps at ArenaRegionBase + i * <see cref="ArenaStride"/>.</summary>
    public const ulong ArenaRegionBase = 0x7f00_0000_0000UL;

    /// <summary>Two arenas' worth of address space per arena object, so a page-offset arena never overlaps the next.</summary>
    public const ulong ArenaStride = 2UL * ARENA_SIZE;

    /// <summary>Where simulated <c>PyMem_RawMalloc</c> blocks live (the C heap, below the mappings).</summary>
    public const ulong SystemRegionBase = 0x5555_0000_0000UL;

    /// <summary>
    /// Where the interpreter's statically allocated objects live (small ints, <c>()</c>, one-character
    /// strings, <c>None</c>: since 3.11 they are in the executable's data segment, not in any allocator's
    /// memory): below the C heap, so no static object's address falls in an arena or a system block.
    /// </summary>
    public const ulong StaticRegionBase = 0x5554_0000_0000UL;

    const int ArenaStrideShift = 21;
    const int PoolSizeMask = POOL_SIZE - 1;

    /// <summary>What offset from a 16 KiB boundary new arenas get: 0 (aligned, 64 pools) or one 4 KiB page (63 pools, as mmap usually gives).</summary>
    readonly ulong _arenaPageOffset;

    /// <summary><c>usedpools[2*i]</c>/<c>usedpools[2*i+1]</c> in C ("Pool table", obmalloc.c:1069): here one list head per size class.</summary>
    readonly PoolHeader[] _usedpools = new PoolHeader[NB_SMALL_SIZE_CLASSES];

    /// <summary><c>nfp2lasta</c>: the last arena of <c>usable_arenas</c> with a given number of free pools.</summary>
    readonly ArenaObject?[] _nfp2lasta = new ArenaObject?[MAX_POOLS_IN_ARENA + 1];

    ArenaObject[] _arenas = [];
    int _maxarenas;
    ArenaObject? _unusedArenaObjects;
    ArenaObject? _usableArenas;

    int _narenasCurrentlyAllocated;
    long _ntimesArenaAllocated;
    int _narenasHighwater;
    long _pymallocBlocks;

    readonly SystemAllocator _system = new();

    /// <summary>Creates an allocator with no arena yet, as at interpreter start before the first object.</summary>
    /// <param name="arenasPoolAligned">
    /// True (the default) maps every arena on a 16 KiB boundary, so it has 64 pools. False offsets each
    /// arena by one 4 KiB page, as Linux's mmap usually does, so obmalloc loses a pool to alignment
    /// (obmalloc.c:1665-1677 and "bytes lost to arena alignment" in <c>sys._debugmallocstats()</c>).
    /// </param>
    public PyMalloc(bool arenasPoolAligned = true)
    {
        _arenaPageOffset = arenasPoolAligned ? 0UL : 4096UL;
        for (int i = 0; i < NB_SMALL_SIZE_CLASSES; i++)
        {
            _usedpools[i] = PoolHeader.NewListHead();
        }
    }

    /// <summary>Receives every <see cref="AllocatorEvent"/> as it happens; null (the default) records nothing and costs nothing.</summary>
    public Action<AllocatorEvent>? Sink { get; set; }

    /// <summary>Blocks handed out and not freed, pymalloc's and the system's: what <c>sys.getallocatedblocks()</c> reports.</summary>
    public long AllocatedBlocks => _pymallocBlocks + _system.LiveCount;

    /// <summary>Arenas mapped now (<c>narenas_currently_allocated</c>).</summary>
    public int ArenasAllocatedCurrent => _narenasCurrentlyAllocated;

    /// <summary>
    /// The size class pymalloc uses for a request, <c>(nbytes - 1) &gt;&gt; ALIGNMENT_SHIFT</c>, or -1 for a
    /// request it sends to the system allocator (0 bytes, or more than 512).
    /// </summary>
    public static int SizeClassOf(int nbytes) => PymallocLayout.SizeClassOf(nbytes);

    /// <summary><c>INDEX2SIZE(szidx)</c>: the block size of a size class.</summary>
    public static int BlockSizeOf(int sizeClass) => PymallocLayout.BlockSizeOf(sizeClass);

    /// <summary><c>NUMBLOCKS(szidx)</c>: how many blocks of the class fit in a pool after its header.</summary>
    public static int BlocksPerPool(int sizeClass) => PymallocLayout.BlocksPerPool(sizeClass);

    /// <summary>
    /// <c>_PyObject_Malloc</c> (obmalloc.c:1996): pymalloc's block for 1..512 bytes, otherwise
    /// <c>PyMem_RawMalloc</c>. Returns the simulated address.
    /// </summary>
    public ulong Malloc(int nbytes)
    {
        if ((uint)(nbytes - 1) >= SMALL_REQUEST_THRESHOLD)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(nbytes);
            return RawMalloc(nbytes);
        }

        // pymalloc_alloc (obmalloc.c:1948)
        int size = (nbytes - 1) >> ALIGNMENT_SHIFT;
        PoolHeader head = _usedpools[size];
        PoolHeader pool = head.NextPool!;
        int block;
        bool becameFull = false;
        if (pool != head)
        {
            // "There is a used pool for this size class. Pick up the head block of its free list."
            ++pool.Count;
            block = pool.FreeBlock - 1;
            if ((pool.FreeBlock = pool.NextFree[block]) == 0)
            {
                // "Reached the end of the free list, try to extend it."
                becameFull = PoolExtend(pool, size);
            }
        }
        else
        {
            pool = AllocateFromNewPool(size, out block);
        }

        pool.Allocated[block >> 6] |= 1UL << block;
        _pymallocBlocks++;
        ulong address = pool.Address + (uint)(POOL_OVERHEAD + block * ((size + 1) << ALIGNMENT_SHIFT));
        if (Sink is { } sink)
        {
            sink(new BlockAllocated(address, nbytes, size, pool.ArenaIndex, pool.Index, block));
            if (becameFull)
            {
                sink(new PoolBecameFull(pool.Address, size, pool.ArenaIndex, pool.Index));
            }
        }
        return address;
    }

    /// <summary>
    /// <c>_PyObject_Free</c> (obmalloc.c:2276): the block goes back to its pool, or to <c>PyMem_RawFree</c> if
    /// the system allocator gave it. Throws for an address neither gave out (or one already freed), which C
    /// would not notice.
    /// </summary>
    public void Free(ulong address)
    {
        if (address < ArenaRegionBase)
        {
            RawFree(address);
            return;
        }

        PoolHeader pool = LocateAllocatedBlock(address, out int block);

        // pymalloc_free (obmalloc.c:2218): "Link p to the start of the pool's freeblock list."
        pool.Allocated[block >> 6] &= ~(1UL << block);
        _pymallocBlocks--;
        int lastfree = pool.FreeBlock;
        pool.NextFree[block] = (ushort)lastfree;
        pool.FreeBlock = block + 1;
        pool.Count--;
        Sink?.Invoke(new BlockFreed(address, pool.SzIdx, pool.ArenaIndex, pool.Index, block));

        if (lastfree == 0)
        {
            // "Pool was full, so doesn't currently live in any list: link it to the front of the
            // appropriate usedpools[] list. This mimics LRU pool usage for new allocations."
            InsertToUsedpool(pool);
            Sink?.Invoke(new PoolBecameUsed(pool.Address, pool.SzIdx, pool.ArenaIndex, pool.Index));
            return;
        }
        if (pool.Count != 0)
        {
            return;
        }
        // "Pool is now empty: unlink from usedpools, and link to the front of freepools."
        Sink?.Invoke(new PoolBecameEmpty(pool.Address, pool.SzIdx, pool.ArenaIndex, pool.Index));
        InsertToFreepool(pool);
    }

    /// <summary>
    /// <c>_PyObject_Realloc</c> (obmalloc.c:2362). A pymalloc block keeps its address when the new size fits
    /// and shrinks it by no more than a quarter ("copy on shrink only if at least 25% of size can be shaved
    /// off", <c>pymalloc_realloc</c>); otherwise a new block is allocated and the old one freed. A system block
    /// stays with the system allocator (<c>PyMem_RawRealloc</c>) even if the new size is small.
    /// Address 0 behaves as <see cref="Malloc"/>.
    /// </summary>
    public ulong Realloc(ulong address, int nbytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(nbytes);
        if (address == 0)
        {
            return Malloc(nbytes);
        }
        if (address < ArenaRegionBase)
        {
            ulong moved = _system.Realloc(address, nbytes, out int oldBytes);
            if (Sink is { } sink)
            {
                sink(new SystemFree(address, oldBytes));
                sink(new SystemAllocation(moved, nbytes));
            }
            return moved;
        }

        PoolHeader pool = LocateAllocatedBlock(address, out _);
        int size = BlockSizeOf(pool.SzIdx);
        if (nbytes <= size && 4L * nbytes > 3L * size)
        {
            return address;
        }
        ulong bp = Malloc(nbytes);
        Free(address);
        return bp;
    }

    /// <summary>Finds the arena, pool and block of an address handed out and not yet freed; false for any other address.</summary>
    public bool TryLocate(ulong address, out BlockLocation location)
    {
        if (address < ArenaRegionBase)
        {
            bool found = _system.TryGetSize(address, out int nbytes);
            location = found ? new BlockLocation(-1, -1, -1, -1, nbytes) : default;
            return found;
        }
        if (TryLocateAllocatedBlock(address, out PoolHeader? pool, out int block))
        {
            location = new BlockLocation(pool.SzIdx, pool.ArenaIndex, pool.Index, block, 0);
            return true;
        }
        location = default;
        return false;
    }

    ulong RawMalloc(int nbytes)
    {
        ulong address = _system.Malloc(nbytes);
        Sink?.Invoke(new SystemAllocation(address, nbytes));
        return address;
    }

    void RawFree(ulong address)
    {
        int nbytes = _system.Free(address);
        Sink?.Invoke(new SystemFree(address, nbytes));
    }

    /// <summary>
    /// <c>POOL_ADDR(p)</c> and <c>address_in_range</c>: finds the pool of an allocated block from its address
    /// alone, and checks that the address is the start of a block that is allocated now.
    /// </summary>
    PoolHeader LocateAllocatedBlock(ulong address, out int block)
    {
        if (TryLocateAllocatedBlock(address, out PoolHeader? pool, out block))
        {
            return pool;
        }
        throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
            $"pymalloc was asked to free 0x{address:x}, which is not a block it handed out (or it was freed already)."));
    }

    bool TryLocateAllocatedBlock(ulong address, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out PoolHeader? found, out int block)
    {
        ulong slot = (address - ArenaRegionBase) >> ArenaStrideShift;
        if (slot < (ulong)_maxarenas)
        {
            ArenaObject arena = _arenas[slot];
            if (arena.Address != 0 && address >= arena.FirstPoolAddress && address < arena.PoolAddress)
            {
                PoolHeader pool = arena.Pools[(address - arena.FirstPoolAddress) >> 14]!;
                int offset = (int)(address - pool.Address) - POOL_OVERHEAD;
                int size = (pool.SzIdx + 1) << ALIGNMENT_SHIFT;
                block = offset / size;
                if (offset >= 0 && block * size == offset && block < pool.NextFree.Length
                    && (pool.Allocated[block >> 6] & (1UL << block)) != 0)
                {
                    found = pool;
                    return true;
                }
            }
        }
        found = null;
        block = -1;
        return false;
    }
}
