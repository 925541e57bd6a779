namespace Playground.Engines.Memory.Allocation;

/// <summary>
/// 3.11 <c>struct pool_header</c> (<c>Objects/obmalloc.c</c>:1001-1011): the 48 bytes at the start of every
/// 16 KiB pool. In C the freeblock list lives inside the free blocks themselves (each free block's first
/// word points at the next); here <see cref="NextFree"/> plays that part. A pointer to a block is kept as the
/// block's index in the pool plus one, so 0 stands for NULL, and the block's address is
/// <c>pool + POOL_OVERHEAD + index * size</c>.
/// </summary>
internal sealed class PoolHeader
{
    /// <summary>obmalloc's <c>DUMMY_SIZE_IDX</c> (0xffff): a freshly carved pool has served no size class yet.</summary>
    internal const int DummySizeIdx = 0xffff;

    /// <summary><c>ref.count</c>: number of allocated blocks.</summary>
    internal int Count;

    /// <summary><c>freeblock</c>: the head of the pool's free list (block index + 1, 0 for NULL).</summary>
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

    /// <summary>Not in the C struct: <c>nextoffset</c> as a block index, so the hot path needs no division.</summary>
    internal int NextBlock;

    /// <summary>Not in the C struct: the pool's own address and position in its arena, kept for events.</summary>
    internal ulong Address;
    internal int Index;

    /// <summary>The word a free block holds in C: NextFree[i] is the next free block after block i (index + 1, 0 = NULL).</summary>
    internal ushort[] NextFree = [];

    /// <summary>
    /// Not in CPython: one bit per block marking the blocks handed out, so that freeing an address pymalloc
    /// never gave (or freeing twice) is reported instead of corrupting the model as it would corrupt C.
    /// </summary>
    internal ulong[] Allocated = [];

    /// <summary>Sizes the per-block arrays for a size class's <c>NUMBLOCKS</c> (they only grow, as a pool changes class).</summary>
    internal void EnsureBlocks(int numblocks)
    {
        if (NextFree.Length < numblocks)
        {
            NextFree = new ushort[numblocks];
            Allocated = new ulong[(numblocks + 63) >> 6];
        }
    }

    /// <summary>A usedpools list head: its own next and prev, the way obmalloc's <c>PTA(x)</c> trick makes an empty list.</summary>
    internal static PoolHeader NewListHead()
    {
        var head = new PoolHeader();
        head.NextPool = head;
        head.PrevPool = head;
        return head;
    }
}
