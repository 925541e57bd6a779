namespace Playground.Shared.Memory.Allocation;

/// <summary>
/// A block that pymalloc declined (more than 512 bytes, or 0) and passed to <c>PyMem_RawMalloc</c>, the
/// C library's malloc: it lives outside every arena.
/// </summary>
public sealed record SystemBlock(ulong Address, int Bytes);
