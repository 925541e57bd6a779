using Playground.Engines.Memory.Syntax;

namespace Playground.Engines.Memory.Runtime;

// try, except, finally and raise. CPython 3.11 keeps the exception being handled as the thread's
// exc_info (PUSH_EXC_INFO when an except or finally block starts with an exception, POP_EXCEPT when it
// ends): it is what sys.exc_info() and a bare raise see, a reference of its own, and the __context__ of
// any exception raised meanwhile (_PyErr_SetObject).
internal sealed partial class Interpreter
{
    /// <summary>
    /// The exceptions being handled, innermost last (the exc_info chain), each with the traceback it was
    /// caught with: what a bare <c>raise</c> re-raises.
    /// </summary>
    private readonly List<(PyInstance Value, List<TracebackEntry> Caught)> _handling = [];

    /// <summary>
    /// PyTraceBack_Here as the exception leaves <paramref name="frame"/> or meets a try statement in it:
    /// the frame's line and the node that was running. False when the frame adds none (a re-raise).
    /// </summary>
    private static bool AddTraceback(PyException e, Frame frame)
    {
        if (ReferenceEquals(e.ReraisedIn, frame))
        {
            return false;
        }

        (e.Value.Traceback ??= []).Add(new TracebackEntry(frame.Line, frame.Name, frame.At));
        return true;
    }

    private Flow ExecTry(TryStmt t, Frame f)
    {
        Flow flow;
        PyException? pending = null;
        var (failedLine, failedAt) = (0, (Node?)null);
        try
        {
            flow = ExecTryBody(t, f);
        }
        catch (PyException e) when (t.FinalBody.Length > 0)
        {
            NoteContext(e);
            pending = e;
            (failedLine, failedAt) = (f.Line, f.At);
            flow = Flow.Normal;
        }

        if (t.FinalBody.Length > 0)
        {
            Flow finalFlow;
            if (pending == null)
            {
                finalFlow = ExecBlock(t.FinalBody, f);
            }
            else
            {
                // A finally run with an exception in flight handles it (PUSH_EXC_INFO, a reference of its
                // own): a bare raise there re-raises it, and what the block raises has it as its context
                // and replaces it. A re-raise in this frame has the frame's entry already.
                List<TracebackEntry> caught = [.. pending.Value.Traceback ?? []];
                if (!ReferenceEquals(pending.ReraisedIn, f))
                {
                    caught.Add(new TracebackEntry(failedLine, f.Name, failedAt));
                }

                pending.Value.CaughtTraceback = caught;
                _handling.Add((pending.Value, caught));
                Incref(pending.Value, Why.HandledException, FinallyClause);
                try
                {
                    finalFlow = ExecBlock(t.FinalBody, f);
                }
                catch (PyException raised)
                {
                    NoteContext(raised);
                    Decref(pending.Value, Why.Temporary);
                    throw;
                }
                finally
                {
                    _handling.RemoveAt(_handling.Count - 1);
                    Decref(pending.Value, Why.HandledException, FinallyClause);
                }
            }

            if (finalFlow != Flow.Normal)
            {
                // A break/continue/return in finally discards the pending exception, as in CPython.
                if (pending != null)
                {
                    Decref(pending.Value, Why.Temporary);
                }

                return finalFlow;
            }
        }

        if (pending != null)
        {
            // the finally's lines ran; the traceback still points where the error was
            (f.Line, f.At) = (failedLine, failedAt);
            throw pending;
        }

        return flow;
    }

    private const string FinallyClause = "the finally clause";

    private Flow ExecTryBody(TryStmt t, Frame f)
    {
        Flow flow;
        try
        {
            flow = ExecBlock(t.Body, f);
        }
        catch (PyException e) when (t.Handlers.Length > 0)
        {
            NoteContext(e);
            var added = AddTraceback(e, f);
            var (failedLine, failedAt) = (f.Line, f.At);

            // PUSH_EXC_INFO comes before the except clauses are matched: the exception becomes the one
            // being handled, a reference of its own until POP_EXCEPT. An error while matching (a name not
            // defined) has it as its context, and replaces it.
            // Each except clause tried is a line of its own, as sys.settrace's line events show: the
            // first is where PUSH_EXC_INFO runs, then its match.
            f.Line = t.Handlers[0].Line;
            Step(f.Line);
            var first = f.Line.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var clause = t.Handlers.Length == 1 ? "the except clause of line " + first : "the except clauses from line " + first;
            _handling.Add((e.Value, [.. e.Value.Traceback ?? []]));
            e.Value.CaughtTraceback = e.Value.Traceback;
            Incref(e.Value, Why.HandledException, clause);
            ExceptHandler? handler;
            try
            {
                handler = FindHandler(t, e, f);
            }
            catch (PyException matching)
            {
                NoteContext(matching);
                _handling.RemoveAt(_handling.Count - 1);
                Decref(e.Value, Why.HandledException, clause);
                Decref(e.Value, Why.Temporary);
                throw;
            }

            if (handler == null)
            {
                // Matching the except clauses ran code; the traceback still points where the error was.
                _handling.RemoveAt(_handling.Count - 1);
                Decref(e.Value, Why.HandledException, clause);
                if (added)
                {
                    e.Value.Traceback!.RemoveAt(e.Value.Traceback.Count - 1);
                }

                (f.Line, f.At) = (failedLine, failedAt);
                throw;
            }

            e.Value.Traceback = null;

            // The reference on the stack goes to the name, or is popped.
            if (handler.Target != null)
            {
                StoreName(handler.Target, e.Value, f);
            }
            else
            {
                Decref(e.Value, Why.Temporary);
            }

            var handled = false;
            try
            {
                var bodyFlow = ExecBlock(handler.Body, f);
                handled = true;

                // POP_EXCEPT, then "except E as e" deletes e (a normal exit, a return, a break alike).
                Decref(e.Value, Why.HandledException, clause);
                return bodyFlow;
            }
            catch (PyException raised)
            {
                NoteContext(raised);
                throw;
            }
            finally
            {
                if (handler.Target != null)
                {
                    ClearHandlerName(handler.Target, f);
                }

                if (!handled)
                {
                    // An exception escaping the block: its cleanup deletes e first, then POP_EXCEPT.
                    Decref(e.Value, Why.HandledException, clause);
                }

                _handling.RemoveAt(_handling.Count - 1);
            }
        }

        return flow == Flow.Normal ? ExecBlock(t.OrElse, f) : flow;
    }

    /// <summary>
    /// _PyErr_SetObject: an exception raised while another is being handled takes that one as its
    /// __context__ (a reference of its own, replacing one it had), unless it is that one or a re-raise.
    /// Noted once, where the new exception first meets a try statement or leaves an except or finally
    /// block, which is before anything can see it. A context chain that would come back to the new
    /// exception is cut where it would, as CPython cuts it.
    /// </summary>
    private void NoteContext(PyException raised)
    {
        if (raised.ContextNoted || _handling.Count == 0 || raised.ReraisedIn != null)
        {
            return;
        }

        raised.ContextNoted = true;
        var handled = _handling[^1].Value;
        if (ReferenceEquals(handled, raised.Value) || ReferenceEquals(raised.Value.Context, handled))
        {
            return;
        }

        for (var o = handled; o.Context is { } next; o = next)
        {
            if (ReferenceEquals(next, raised.Value))
            {
                o.Context = null;
                Decref(next, Why.Attribute, "__context__");
                break;
            }
        }

        var old = raised.Value.Context;
        raised.Value.Context = handled;
        Incref(handled, Why.Attribute, "__context__");
        if (old != null)
        {
            Decref(old, Why.Attribute, "__context__");
        }
    }

    private void ClearHandlerName(NameExpr target, Frame f)
    {
        try
        {
            DeleteName(target, f);
        }
        catch (PyException gone)
        {
            Decref(gone.Value, Why.Temporary);
        }
    }

    private ExceptHandler? FindHandler(TryStmt t, PyException e, Frame f)
    {
        for (var i = 0; i < t.Handlers.Length; i++)
        {
            // the first clause's line is stepped to already (ExecTryBody)
            var h = t.Handlers[i];
            if (i > 0)
            {
                f.Line = h.Line;
                Step(h.Line);
            }

            if (h.Type == null)
            {
                return h;
            }

            var type = Eval(h.Type, f);
            try
            {
                var types = type is PyTuple tuple ? tuple.Items : [type];
                foreach (var ty in types)
                {
                    if (ty is PyType pt && e.Value.Type.IsSubtypeOf(pt))
                    {
                        return h;
                    }
                }
            }
            finally
            {
                Decref(type, Why.Temporary);
            }
        }

        return null;
    }

    private PyException ExecRaise(RaiseStmt r, Frame f)
    {
        if (r.Exception == null)
        {
            if (_handling.Count == 0)
            {
                return Raise(Types.RuntimeError, "No active exception to reraise");
            }

            // do_raise(NULL): the exception being handled, a new reference, with the traceback it was
            // caught with.
            var (value, caught) = _handling[^1];
            Incref(value, Why.Temporary);
            value.Traceback = [.. caught];
            return new PyException(value) { ReraisedIn = f };
        }

        var v = Eval(r.Exception, f);

        // RAISE_VARARGS carries the raise statement's location (usually the whole line: no carets).
        f.At = r;
        if (v is PyType t && t.IsSubtypeOf(Types.BaseException))
        {
            var inst = (PyInstance)Call(t, [], null);
            Decref(v, Why.Temporary);
            return new PyException(inst);
        }

        if (v is PyInstance i && i.Type.IsSubtypeOf(Types.BaseException))
        {
            // An exception caught before keeps its __traceback__: raised again, the new frames come on
            // top of the ones it was caught with.
            if (i.Traceback == null && i.CaughtTraceback is { } caught)
            {
                i.Traceback = [.. caught];
            }

            return new PyException(i);
        }

        Decref(v, Why.Temporary);
        return Raise(Types.TypeError, "exceptions must derive from BaseException");
    }

    public PyException Raise(PyType type, string message) => new(NewException(type, message));
}
