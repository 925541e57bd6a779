namespace Playground.Shared.Memory.Allocation;

/// <summary>
/// One arena object of obmalloc's <c>arenas</c> vector that has had 1 MiB mapped behind it. Freed: the
/// arena's pools all became empty and <c>insert_to_freepool</c> gave the memory back to the system
/// (<c>munmap</c>, 3.11 <c>Objects/obmalloc.c</c>:2085-2130); the slot may get a new arena later.
/// TotalPools is <c>ntotalpools</c>: 64, or 63 when the mapping was not pool-aligned.
/// </summary>
public sealed record ArenaRecord(int Index, ulong Address, int TotalPools, bool Freed);
