using Playground.Shared.Memory;

namespace Playground.Engines.Memory.Runtime;

/// <summary>
/// The call stack as the trace records it: each executing frame with the names bound in it. A function's
/// names are its fast locals in co_varnames order (Objects/frameobject.c builds f_locals from them the same
/// way), the module's are __main__'s globals, a class body's its namespace. A comprehension's hidden
/// iterator (".0") is left out, as it is from f_locals.
/// </summary>
internal static class FrameCapture
{
    public static IReadOnlyList<TraceFrame> Capture(Interpreter interp)
    {
        var frames = new TraceFrame[interp.CallStack.Count];
        for (var i = 0; i < frames.Length; i++)
        {
            var frame = interp.CallStack[i];
            frames[i] = new TraceFrame(frame.Name, [.. Bindings(interp, frame).Select(b => new FrameBinding(b.Name, b.Value.Id))]);
        }

        return frames;
    }

    /// <summary>True when <paramref name="recorded"/> still describes the stack, so a step need not carry it again.</summary>
    public static bool Matches(Interpreter interp, IReadOnlyList<TraceFrame>? recorded)
    {
        if (recorded is null || recorded.Count != interp.CallStack.Count)
        {
            return false;
        }

        for (var i = 0; i < recorded.Count; i++)
        {
            var frame = interp.CallStack[i];
            var bindings = recorded[i].Bindings;
            if (recorded[i].Function != frame.Name)
            {
                return false;
            }

            var n = 0;
            foreach (var (name, value) in Bindings(interp, frame))
            {
                if (n >= bindings.Count || bindings[n].Name != name || bindings[n].ObjectId != value.Id)
                {
                    return false;
                }

                n++;
            }

            if (n != bindings.Count)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Every object a name in an executing frame refers to.</summary>
    public static IEnumerable<PyObject> Values(Interpreter interp) =>
        interp.CallStack.SelectMany(frame => Bindings(interp, frame)).Select(b => b.Value);

    private static IEnumerable<(string Name, PyObject Value)> Bindings(Interpreter interp, Frame frame)
    {
        if (frame.ClassBody is { } cls)
        {
            foreach (var (name, value) in cls.Dict)
            {
                yield return (name, value);
            }
        }
        else if (frame.Scope is { } scope)
        {
            for (var slot = 0; slot < frame.Locals.Length; slot++)
            {
                if (frame.Locals[slot] is { } value && !scope.Locals[slot].StartsWith('.'))
                {
                    yield return (scope.Locals[slot], value);
                }
            }
        }
        else
        {
            foreach (var (name, value) in interp.Globals)
            {
                yield return (name, value);
            }
        }
    }
}
