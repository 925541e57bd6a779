using Playground.Engines.Memory.Syntax;

namespace Playground.Engines.Memory.Runtime;

/// <summary>A function made by <c>def</c> or <c>lambda</c> (Objects/funcobject.c): code, defaults, globals.</summary>
internal sealed class PyFunction(PyType type, string name, Scope scope, Parameters parameters, Stmt[]? body, Expr? lambdaBody) : PyObject(type)
{
    public readonly string Name = name;
    public readonly Scope Scope = scope;
    public readonly Parameters Parameters = parameters;
    public readonly Stmt[]? Body = body;
    public readonly Expr? LambdaBody = lambdaBody;
    public PyObject?[] Defaults = [];
    public Frame? Closure;
    public string QualName = name;

    public override bool IsGcType => true;

    public override void Traverse(List<PyObject> into)
    {
        foreach (var d in Defaults)
        {
            if (d != null)
            {
                into.Add(d);
            }
        }
    }
}

internal delegate PyObject BuiltinBody(Interpreter interp, PyObject? self, PyObject[] args, (string Name, PyObject Value)[]? kwargs);

/// <summary>A builtin function or a method of a built-in type, bound to <see cref="Self"/> when it is a method.</summary>
internal sealed class PyBuiltin(PyType type, string name, BuiltinBody body, PyObject? self) : PyObject(type)
{
    public readonly string Name = name;
    public readonly BuiltinBody Body = body;
    public readonly PyObject? Self = self;

    public override bool IsGcType => Self != null;

    public override void Traverse(List<PyObject> into)
    {
        if (Self != null)
        {
            into.Add(Self);
        }
    }
}

/// <summary>A bound method (Objects/classobject.c): the function and the instance it was read from.</summary>
internal sealed class PyMethod(PyType type, PyFunction function, PyObject self) : PyObject(type)
{
    public readonly PyFunction Function = function;
    public readonly PyObject Self = self;

    public override bool IsGcType => true;

    public override void Traverse(List<PyObject> into)
    {
        into.Add(Function);
        into.Add(Self);
    }
}

/// <summary>
/// An executing frame. Since 3.11 frames are not objects until someone asks for one; their locals
/// ("fast locals", co_varnames order) hold strong references and are released in slot order on return.
/// </summary>
internal sealed class Frame(string name, Scope? scope, Frame? closure, PyType? classBody)
{
    public readonly string Name = name;
    public readonly Scope? Scope = scope;
    public readonly PyObject?[] Locals = scope == null ? [] : new PyObject?[scope.Locals.Count];
    public readonly Frame? Closure = closure;
    public readonly PyType? ClassBody = classBody;
    public PyObject? ReturnValue;

    /// <summary>An inner function closes over this frame, so its cell variables outlive the call.</summary>
    public bool Captured;
    public int Line;

    /// <summary>
    /// The node whose instruction runs now: what CPython's tb_lasti points at in a traceback, and so
    /// where its caret line goes (the call, the operator, the subscript, or else the statement).
    /// </summary>
    public Node? At;
}

/// <summary>A Python exception travelling through the C# stack.</summary>
internal sealed class PyException(PyInstance value) : Exception
{
    public PyInstance Value { get; } = value;

    /// <summary>
    /// A bare <c>raise</c>: the frame it ran in. The traceback it restored is the one the exception was
    /// caught with, which has that frame's entry already or reaches it through the call that follows, so
    /// the frame adds none (do_raise skips PyTraceBack_Here for a re-raise).
    /// </summary>
    public Frame? ReraisedIn { get; init; }

    /// <summary>Its __context__ has been set as it was raised (<c>Interpreter.NoteContext</c>), once.</summary>
    public bool ContextNoted { get; set; }

    public PyException()
        : this((PyInstance)null!)
    {
    }

    public PyException(string message)
        : this((PyInstance)null!) => _ = message;

    public PyException(string message, Exception inner)
        : this((PyInstance)null!) => _ = (message, inner);
}
