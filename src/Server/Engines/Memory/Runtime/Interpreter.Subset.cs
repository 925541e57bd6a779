namespace Playground.Engines.Memory.Runtime;

// What the subset provides, for the check that refuses the rest before a program runs (Syntax/SubsetNames).
internal sealed partial class Interpreter
{
    /// <summary>Whether the playground has a builtin (function, type or exception) of this name.</summary>
    internal bool ProvidesBuiltin(string name) => _builtins.ContainsKey(name);

    /// <summary>Whether the playground's module of this name (gc, sys, weakref) has this attribute.</summary>
    internal bool ModuleProvides(string module, string attribute) =>
        !_modules.TryGetValue(module, out var m) || m.Attributes.ContainsKey(attribute);
}
