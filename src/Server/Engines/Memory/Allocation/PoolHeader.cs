namespace Playground.Engines.Memory.Allocation;

/// <summary>
/// 3.11 <c>struct pool_header</c> (<c>Objects/obmalloc.c</c>:1001-1011): the 48 bytes at the start of every
/// 16 KiB pool. In C the freeblock list lives inside the free blocks themselves (each free block's first
/// word points at the next); here <see cref="NextFree"/> plays that part, indexed by the block's offset in
/// 16-byte units so that a pool can change size class without a new array.
/// Pointers are kept as byte offsets inside the pool, with 0 standing for NULL (no block sits at offset 0:
/// the header is there).
/// </summary>
internal sealed class PoolHeader
{
    /// <summary>obmalloc's <c>DUMMY_SIZE_IDX</c> (0xffff): a freshly carved pool has served no size class yet.</summary>
    internal const int DummySizeIdx = 0xffff;

    /// <summary><c>ref.count</c>: number of allocated blocks.</summary>
    internal int Count;

    /// <summary><c>freeblock</c>: offset of the head of the pool's free list, 0 for NULL.</summary>
    internal int FreeBlock;

    /// <summary><c>nextpool</c>/<c>prevpool</c>: links in <c>usedpools[szidx]</c>, or (next only) in the arena's <c>freepools</c>.</summary>
    internal PoolHeader? NextPool;
    internal PoolHeader? PrevPool;

    internal int ArenaIndex;

    /// <summary><c>szidx</c>: the size class the pool serves (or served last, while it sits in <c>freepools</c>).</summary>
    internal int SzIdx = DummySizeIdx;

    /// <summary><c>nextoffset</c>: bytes to the first never-used ("virgin") block.</summary>
    internal int NextOffset;

    /// <summary><c>maxnextoffset</c>: the largest valid <c>nextoffset</c>, <c>POOL_SIZE - size</c>.</summary>
    internal int MaxNextOffset;

    /// <summary>Not in the C struct: the pool's own address and position in its arena, kept for events.</summary>
    internal ulong Address;
    internal int Index;

    /// <summary>The word a free block holds in C: NextFree[offset >> 4] is the next free block's offset (0 = NULL).</summary>
    internal readonly int[] NextFree = new int[PyMalloc.POOL_SIZE >> PyMalloc.ALIGNMENT_SHIFT];

    /// <summary>
    /// Not in CPython: one bit per 16-byte slot marking the blocks handed out, so that freeing an address
    /// pymalloc never gave (or freeing twice) is reported instead of corrupting the model as it would corrupt C.
    /// </summary>
    internal readonly ulong[] Allocated = new ulong[(PyMalloc.POOL_SIZE >> PyMalloc.ALIGNMENT_SHIFT) / 64];

    /// <summary>A usedpools list head: its own next and prev, the way obmalloc's <c>PTA(x)</c> trick makes an empty list.</summary>
    internal static PoolHeader NewListHead()
    {
        var head = new PoolHeader();
        head.NextPool = head;
        head.PrevPool = head;
        return head;
    }
}
