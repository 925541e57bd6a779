namespace Playground.Shared.Memory.Allocation;

/// <summary>The three states obmalloc.c's comment gives a pool (3.11 <c>Objects/obmalloc.c</c>:1080-1108).</summary>
public enum PoolState
{
    /// <summary>Some blocks allocated, some free; linked in <c>usedpools[szidx]</c>.</summary>
    Used,

    /// <summary>Every block allocated; in no list until one is freed.</summary>
    Full,

    /// <summary>No block allocated; in its arena's <c>freepools</c>, keeping its last size class and free list.</summary>
    Empty,
}
