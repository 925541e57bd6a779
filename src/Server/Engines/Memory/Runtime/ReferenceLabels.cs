using Playground.Shared.Memory;

namespace Playground.Engines.Memory.Runtime;

/// <summary>
/// An object's outgoing references, each labelled with what holds it, in the words a student writes:
/// <c>[i]</c> for a list or tuple slot (Objects/listobject.c ob_item, Objects/tupleobject.c), <c>['k']</c> for
/// a dict value and <c>key</c> for the key object (Objects/dictobject.c keeps both in the entry), <c>.attr</c> for
/// an instance attribute (3.11 keeps a plain instance's attributes inline, Objects/dictobject.c
/// _PyObject_InitializeDict, so there is no separate __dict__ object to draw), <c>member</c> for a set
/// entry, a function's defaults (func_defaults) and closure cells, a method's __func__/__self__. The
/// set is a superset of tp_traverse's: it also names references that the collector does not visit, such as
/// a dict's str keys. A module's attributes are left out: `import sys` would otherwise draw the whole
/// module's namespace.
/// </summary>
internal static class ReferenceLabels
{
    public static List<(PyObject Target, string Label)> Describe(Interpreter interp, PyObject o)
    {
        var into = new List<(PyObject Target, string Label)>();
        switch (o)
        {
            case PyList l:
                for (var i = 0; i < l.Items.Count; i++)
                {
                    into.Add((l.Items[i], Index(i)));
                }

                break;
            case PyTuple t:
                for (var i = 0; i < t.Items.Length; i++)
                {
                    into.Add((t.Items[i], Index(i)));
                }

                break;
            case PyDict d:
                foreach (var (k, v) in d.Table.Entries())
                {
                    into.Add((k, HeapReference.KeyLabel));
                    if (v != null)
                    {
                        into.Add((v, "[" + KeyText(interp, k) + "]"));
                    }
                }

                break;
            case PySet s:
                foreach (var (k, _) in s.Table.Entries())
                {
                    into.Add((k, HeapReference.MemberLabel));
                }

                break;
            case PyInstance i:
                foreach (var (name, v) in i.Attributes)
                {
                    into.Add((v, "." + name));
                }

                if (i.Args is { } args)
                {
                    for (var n = 0; n < args.Length; n++)
                    {
                        into.Add((args[n], "args" + Index(n)));
                    }
                }

                if (i.Context is { } context)
                {
                    into.Add((context, ".__context__"));
                }

                into.Add((i.Type, HeapReference.ClassLabel));
                break;
            case PyType t:
                // The class body's own names; __module__ and __qualname__ are bookkeeping, not the student's.
                foreach (var (name, v) in t.Dict)
                {
                    if (!name.StartsWith("__", StringComparison.Ordinal) || !name.EndsWith("__", StringComparison.Ordinal) || v is PyFunction)
                    {
                        into.Add((v, "." + name));
                    }
                }

                break;
            case PyFunction f:
                Function(f, into);
                break;
            case PyMethod m:
                into.Add((m.Function, "__func__"));
                into.Add((m.Self, "__self__"));
                break;
            case PyBuiltin { Self: { } self }:
                into.Add((self, "__self__"));
                break;
            case PyIterator { Source: { } source }:
                into.Add((source, "iterating"));
                break;
            case PyWeakRef { Callback: { } callback }:
                into.Add((callback, "callback"));
                break;
        }

        return into;
    }

    private static void Function(PyFunction f, List<(PyObject Target, string Label)> into)
    {
        for (var i = 0; i < f.Defaults.Length; i++)
        {
            if (f.Defaults[i] is { } d)
            {
                into.Add((d, "default " + f.Parameters.Names[i]));
            }
        }

        // A closure's cells: the enclosing frame's cell variables, which the function keeps alive.
        if (f.Closure is { Scope: { } scope } closure)
        {
            foreach (var slot in scope.CellSlots.Order())
            {
                if (closure.Locals[slot] is { } cell)
                {
                    into.Add((cell, "closure " + scope.Locals[slot]));
                }
            }
        }
    }

    private static string Index(int i) => "[" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]";

    private static string KeyText(Interpreter interp, PyObject key) => key switch
    {
        PyStr s => Interpreter.StrRepr(s.Value.Length > 20 ? s.Value[..20] + "…" : s.Value),
        PyInt or PyFloat or PyNone => interp.Repr(key),
        _ => key.Type?.Name ?? "key",
    };
}
