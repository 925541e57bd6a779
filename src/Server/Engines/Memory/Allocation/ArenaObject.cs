namespace Playground.Engines.Memory.Allocation;

/// <summary>
/// 3.11 <c>struct arena_object</c> (<c>Objects/obmalloc.c</c>:1016-1050). The <c>arenas</c> vector holds
/// these whether or not an arena is mapped behind them; <see cref="Address"/> 0 means "unassociated", and
/// such objects sit on the singly linked <c>unused_arena_objects</c> list through <see cref="NextArena"/>.
/// Mapped arenas with at least one free pool are on the doubly linked <c>usable_arenas</c> list, sorted by
/// <see cref="NFreePools"/> ascending.
/// </summary>
internal sealed class ArenaObject
{
    internal ArenaObject(int index) => Index = index;

    /// <summary>Position in the <c>arenas</c> vector: the <c>arenaindex</c> every pool in it records.</summary>
    internal int Index { get; }

    /// <summary><c>address</c>: where the 1 MiB was mapped, 0 when no arena is associated.</summary>
    internal ulong Address;

    /// <summary>Not in the C struct: an arena was mapped behind this object at least once (so the page can show it given back).</summary>
    internal bool EverMapped;

    /// <summary><c>pool_address</c>: the next pool to carve; pools below it have been used at least once.</summary>
    internal ulong PoolAddress;

    /// <summary>Not in the C struct: the first pool-aligned address of the arena (pools are numbered from it).</summary>
    internal ulong FirstPoolAddress;

    /// <summary><c>nfreepools</c>: pools in <c>freepools</c> plus pools not carved yet.</summary>
    internal int NFreePools;

    /// <summary><c>ntotalpools</c>: 64, or 63 when the arena's address is not pool-aligned.</summary>
    internal int NTotalPools;

    /// <summary><c>freepools</c>: singly linked (through <c>nextpool</c>) list of empty pools, most recently emptied first.</summary>
    internal PoolHeader? FreePools;

    internal ArenaObject? NextArena;
    internal ArenaObject? PrevArena;

    /// <summary>The headers of the pools carved so far, by position in the arena (the C code reaches them by address).</summary>
    internal readonly PoolHeader?[] Pools = new PoolHeader?[PyMalloc.MAX_POOLS_IN_ARENA];
}
