// The engine says why a count moved in the contract's own terms, so the trace carries it typed and the
// pages put it in words (Playground.Shared.Memory.RefCountReasons) without parsing text.
global using Why = Playground.Shared.Memory.RefCountWhy;
