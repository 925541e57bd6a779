namespace Playground.Shared.Memory.Allocation;

/// <summary>Where an object's memory comes from.</summary>
public enum BlockSource
{
    /// <summary>A block of a pymalloc pool: the object asked for 512 bytes or less.</summary>
    Pool,

    /// <summary>A block of the system allocator (<c>PyMem_RawMalloc</c>): the object asked for more than 512 bytes.</summary>
    System,

    /// <summary>
    /// No allocation at all: the object is part of the interpreter's static data (small ints, the empty
    /// tuple, one-character strings, None), statically allocated since 3.11.
    /// </summary>
    Static,
}

/// <summary>The block an object occupies: its pool and block index, or its system block, or neither for a static object.</summary>
public sealed record ObjectBlock(BlockSource Source, PoolRecord? Pool, int Block, SystemBlock? System)
{
    public static ObjectBlock Static { get; } = new(BlockSource.Static, null, -1, null);
}
