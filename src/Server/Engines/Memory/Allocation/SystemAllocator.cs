using System.Globalization;
using Playground.Shared.Memory.Allocation;

namespace Playground.Engines.Memory.Allocation;

/// <summary>
/// <c>PyMem_RawMalloc</c>/<c>PyMem_RawFree</c>/<c>PyMem_RawRealloc</c>: the C library's allocator, where
/// pymalloc sends the requests it declines (0 bytes, more than 512 bytes) and everything <c>new_arena</c>
/// does not map. Modelled as a bump allocator in its own address range with 16-byte alignment and glibc's
/// 16-byte chunk header between blocks; <c>PyMem_RawMalloc(0)</c> asks malloc for 1 byte
/// (<c>_PyMem_RawMalloc</c>, obmalloc.c:93-101), so it too gets a distinct address.
/// Freed ranges are not reused: the teaching point is only that these blocks live outside the arenas.
/// </summary>
internal sealed class SystemAllocator
{
    const ulong ChunkHeader = 16;

    readonly Dictionary<ulong, int> _live = [];
    ulong _top = PyMalloc.SystemRegionBase;

    internal int LiveCount => _live.Count;

    internal long LiveBytes { get; private set; }

    /// <summary>The live blocks in address order.</summary>
    internal IReadOnlyList<SystemBlock> LiveBlocks() =>
        _live.OrderBy(b => b.Key).Select(b => new SystemBlock(b.Key, b.Value)).ToList().AsReadOnly();

    internal bool TryGetSize(ulong address, out int nbytes) => _live.TryGetValue(address, out nbytes);

    internal ulong Malloc(int nbytes)
    {
        ulong address = _top + ChunkHeader;
        _top = address + (((ulong)Math.Max(nbytes, 1) + 15) & ~15UL);
        _live.Add(address, nbytes);
        LiveBytes += nbytes;
        return address;
    }

    internal int Free(ulong address)
    {
        if (!_live.Remove(address, out int nbytes))
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"the system allocator was asked to free 0x{address:x}, which is not a block it handed out (or it was freed already)."));
        }
        LiveBytes -= nbytes;
        return nbytes;
    }

    /// <summary>Keeps the block in place when the new size fits its old chunk (glibc shrinks in place), else moves it.</summary>
    internal ulong Realloc(ulong address, int nbytes, out int oldBytes)
    {
        oldBytes = Free(address);
        if (((ulong)Math.Max(nbytes, 1) + 15 & ~15UL) <= ((ulong)Math.Max(oldBytes, 1) + 15 & ~15UL))
        {
            _live.Add(address, nbytes);
            LiveBytes += nbytes;
            return address;
        }
        return Malloc(nbytes);
    }
}
