namespace Playground.Engines.Memory.Runtime;

/// <summary>
/// Argument conversion, the way CPython's C functions convert what Python code passes them. Builtins and
/// methods written in C never see a "wrong type": each argument goes through a converter first (Argument
/// Clinic's generated code, or the format units of PyArg_ParseTuple in Python/getargs.c), and a value that
/// does not convert raises TypeError or OverflowError with the converter's own wording. So one message
/// covers many functions: every "n" argument says "'str' object cannot be interpreted as an integer"
/// (PyNumber_Index, Objects/abstract.c), every ssize_t that does not fit says "Python int too large to
/// convert to C ssize_t" (PyLong_AsSsize_t, Objects/longobject.c). The simulator's builtins call these
/// instead of casting, so a bad argument is a Python exception the program can catch, never a crash.
/// </summary>
internal sealed partial class Interpreter
{
    /// <summary>PyNumber_Index: an int (bool included) as is; anything else is a TypeError.</summary>
    public PyInt IndexArgument(PyObject o) =>
        o as PyInt ?? throw Raise(Types.TypeError, $"'{o.Type.Name}' object cannot be interpreted as an integer");

    /// <summary>Format unit "n" / Argument Clinic's Py_ssize_t: PyNumber_Index then PyLong_AsSsize_t.</summary>
    public long SsizeArgument(PyObject o)
    {
        var i = IndexArgument(o);
        return i.IsBig ? throw Raise(Types.OverflowError, "Python int too large to convert to C ssize_t") : i.Small;
    }

    /// <summary>
    /// Argument Clinic's C int (gc.collect's generation): _PyLong_AsInt, which words its overflow
    /// "Python int too large to convert to C int" whatever the sign.
    /// </summary>
    public int CIntArgument(PyObject o)
    {
        var i = IndexArgument(o);
        return i.IsBig || i.Small is > int.MaxValue or < int.MinValue
            ? throw Raise(Types.OverflowError, "Python int too large to convert to C int")
            : (int)i.Small;
    }

    /// <summary>
    /// PyArg_ParseTuple's format unit "i" (gc.set_threshold, Python/getargs.c convertsimple): PyLong_AsLong
    /// first ("... to C long"), then its own range check with "signed integer is greater than maximum" /
    /// "less than minimum".
    /// </summary>
    public int ParseTupleIntArgument(PyObject o)
    {
        var i = IndexArgument(o);
        if (i.IsBig)
        {
            throw Raise(Types.OverflowError, "Python int too large to convert to C long");
        }

        return i.Small switch
        {
            > int.MaxValue => throw Raise(Types.OverflowError, "signed integer is greater than maximum"),
            < int.MinValue => throw Raise(Types.OverflowError, "signed integer is less than minimum"),
            var v => (int)v,
        };
    }

    /// <summary>
    /// PyNumber_AsSsize_t(n, PyExc_OverflowError), which sequence repetition uses for its count
    /// (Objects/abstract.c sequence_repeat): a count that does not fit is "cannot fit 'int' into an
    /// index-sized integer", whatever its sign; a negative count that fits means zero.
    /// </summary>
    public long RepeatCount(PyInt n) =>
        n.IsBig ? throw Raise(Types.OverflowError, "cannot fit 'int' into an index-sized integer") : Math.Max(0, n.Small);

    /// <summary>
    /// getattr/hasattr/setattr/delattr (Python/bltinmodule.c, Objects/object.c PyObject_GetAttr) accept only
    /// a str as the attribute name.
    /// </summary>
    public string AttributeNameArgument(PyObject o) =>
        o is PyStr s ? s.Value : throw Raise(Types.TypeError, $"attribute name must be string, not '{o.Type.Name}'");

    /// <summary>
    /// Argument Clinic's str converter, as in str.replace: "replace() argument 1 must be str, not int"
    /// (_PyArg_BadArgument, Python/getargs.c).
    /// </summary>
    public string StrArgument(PyObject o, string function, int position) =>
        o is PyStr s ? s.Value : throw Raise(Types.TypeError, $"{function}() argument {position} must be str, not {o.Type.Name}");

    /// <summary>
    /// An argument that may be None or a str, with the function's own message when it is neither (str.strip's
    /// "strip arg must be None or str", str.split's "must be str or None, not int").
    /// </summary>
    public string? OptionalStrArgument(PyObject? o, Func<PyObject, string> message) => o switch
    {
        null or PyNone => null,
        PyStr s => s.Value,
        _ => throw Raise(Types.TypeError, message(o)),
    };
}
