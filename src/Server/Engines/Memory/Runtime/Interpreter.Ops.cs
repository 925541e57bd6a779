using System.Numerics;

namespace Playground.Engines.Memory.Runtime;

// Operators (Objects/abstract.c binary_op1, PyObject_RichCompare) with CPython's error messages.
internal sealed partial class Interpreter
{
    public bool Truthy(PyObject v) => v switch
    {
        PyNone => false,
        PyInt i => i.IsBig || i.Small != 0,
        PyFloat f => f.Value != 0,
        PyStr s => s.Value.Length > 0,
        PyList l => l.Items.Count > 0,
        PyTuple t => t.Items.Length > 0,
        PyDict d => d.Table.Count > 0,
        PySet s => s.Table.Count > 0,
        PyRange r => r.Length > 0,
        PyInstance inst when inst.Type.Lookup("__len__") is PyFunction => CallDunder(inst, "__len__", []) is PyInt n && n.Value != 0,
        _ => true,
    };

    private PyObject CallDunder(PyInstance inst, string name, PyObject[] extra)
    {
        var fn = (PyFunction)inst.Type.Lookup(name)!;
        var args = new PyObject[extra.Length + 1];
        Incref(inst, Why.Argument, name);
        args[0] = inst;
        for (var i = 0; i < extra.Length; i++)
        {
            Incref(extra[i], Why.Argument, name);
            args[i + 1] = extra[i];
        }

        var r = CallFunction(fn, args, null);
        r.RefCount--;
        return r;
    }

    private static bool IsNumber(PyObject o) => o is PyInt or PyFloat;

    private static double ToDouble(PyObject o) => o is PyInt i ? (i.IsBig ? (double)i.Big!.Value : i.Small) : ((PyFloat)o).Value;

    public PyObject InPlaceOp(string op, PyObject l, PyObject r)
    {
        if (op == "+" && l is PyList list)
        {
            ListExtend(list, r);
            Incref(list, Why.Temporary);
            return list;
        }

        return BinaryOp(op, l, r, inPlace: true);
    }

    /// <summary>
    /// A binary operation. <paramref name="inPlace"/> is for augmented assignment, whose failure names the
    /// operator as written ("unsupported operand type(s) for +=", binary_iop1 in Objects/abstract.c).
    /// </summary>
    public PyObject BinaryOp(string op, PyObject l, PyObject r, bool inPlace = false)
    {
        if (l is PyInt a && r is PyInt b)
        {
            return IntOp(op, a, b);
        }

        if (IsNumber(l) && IsNumber(r))
        {
            return FloatOp(op, ToDouble(l), ToDouble(r));
        }

        switch (op)
        {
            case "+":
                if (l is PyStr s1 && r is PyStr s2)
                {
                    return NewStr(s1.Value + s2.Value);
                }

                if (l is PyList l1 && r is PyList l2)
                {
                    var nl = NewList(l1.Items.Count + l2.Items.Count);
                    foreach (var x in l1.Items.Concat(l2.Items))
                    {
                        Incref(x, Why.StoredInContainer, "a list");
                        nl.Items.Add(x);
                    }

                    return nl;
                }

                if (l is PyTuple t1 && r is PyTuple t2)
                {
                    var items = t1.Items.Concat(t2.Items).ToArray();
                    foreach (var x in items)
                    {
                        Incref(x, Why.StoredInContainer, "a tuple");
                    }

                    return NewTuple(items);
                }

                if (l is PyStr)
                {
                    throw Raise(Types.TypeError, $"can only concatenate str (not \"{r.Type.Name}\") to str");
                }

                if (l is PyList)
                {
                    throw Raise(Types.TypeError, $"can only concatenate list (not \"{r.Type.Name}\") to list");
                }

                if (l is PyTuple)
                {
                    throw Raise(Types.TypeError, $"can only concatenate tuple (not \"{r.Type.Name}\") to tuple");
                }

                break;
            case "*":
                if (r is PyStr or PyList or PyTuple && l is PyInt or PyFloat)
                {
                    (l, r) = (r, l);
                }

                if (l is PyStr or PyList or PyTuple && r is not PyInt and not PyInstance)
                {
                    throw Raise(Types.TypeError, $"can't multiply sequence by non-int of type '{r.Type.Name}'");
                }

                if (r is PyInt n && l is PyStr or PyList or PyTuple)
                {
                    var count = (int)ReserveRepeat(l, RepeatCount(n));
                    switch (l)
                    {
                        case PyStr s:
                            return NewStr(string.Concat(Enumerable.Repeat(s.Value, count)));
                        case PyList src:
                        {
                            var nl = NewList(src.Items.Count * count);
                            for (var i = 0; i < count; i++)
                            {
                                if ((i & RepeatClockMask) == RepeatClockMask)
                                {
                                    CheckClock();
                                }

                                foreach (var x in src.Items)
                                {
                                    Incref(x, Why.StoredInContainer, "a list");
                                    nl.Items.Add(x);
                                }
                            }

                            return nl;
                        }

                        case PyTuple src:
                        {
                            var items = Enumerable.Repeat(src.Items, count).SelectMany(x => x).ToArray();
                            foreach (var x in items)
                            {
                                Incref(x, Why.StoredInContainer, "a tuple");
                            }

                            return NewTuple(items);
                        }
                    }
                }

                break;
            case "%":
                if (l is PyStr fmt)
                {
                    throw Raise(Types.TypeError, "printf-style formatting is not part of the playground's subset; use an f-string");
                }

                break;
        }

        if (l is PyInstance li && DunderFor(op) is { } dunder && li.Type.Lookup(dunder) is PyFunction)
        {
            var res = CallDunder(li, dunder, [r]);
            res.RefCount++;
            return res;
        }

        throw Raise(Types.TypeError, $"unsupported operand type(s) for {op}{(inPlace ? "=" : "")}: '{l.Type.Name}' and '{r.Type.Name}'");
    }

    private static string? DunderFor(string op) => op switch
    {
        "+" => "__add__",
        "-" => "__sub__",
        "*" => "__mul__",
        _ => null,
    };

    private PyObject IntOp(string op, PyInt a, PyInt b)
    {
        if (!a.IsBig && !b.IsBig)
        {
            long x = a.Small, y = b.Small;
            switch (op)
            {
                case "+":
                {
                    var r = x + y;
                    if (((x ^ r) & (y ^ r)) >= 0)
                    {
                        return NewInt(r);
                    }

                    break;
                }

                case "-":
                {
                    var r = x - y;
                    if (((x ^ y) & (x ^ r)) >= 0)
                    {
                        return NewInt(r);
                    }

                    break;
                }

                case "*":
                    if (Math.Abs(x) < 3_000_000_000 && Math.Abs(y) < 3_000_000_000)
                    {
                        return NewInt(x * y);
                    }

                    break;
                case "//":
                    if (y == 0)
                    {
                        throw Raise(Types.ZeroDivisionError, "integer division or modulo by zero");
                    }

                    if (y != -1)
                    {
                        var q = x / y;
                        if ((x % y != 0) && ((x < 0) != (y < 0)))
                        {
                            q--;
                        }

                        return NewInt(q);
                    }

                    break;
                case "%":
                    if (y == 0)
                    {
                        throw Raise(Types.ZeroDivisionError, "integer division or modulo by zero");
                    }

                    if (y != -1)
                    {
                        var m = x % y;
                        if (m != 0 && ((m < 0) != (y < 0)))
                        {
                            m += y;
                        }

                        return NewInt(m);
                    }

                    return NewInt(0);
            }
        }

        BigInteger bx = a.Value, by = b.Value;
        switch (op)
        {
            case "+":
                return NewInt(bx + by);
            case "-":
                return NewInt(bx - by);
            case "*":
                return NewInt(bx * by);
            case "/":
                if (by.IsZero)
                {
                    throw Raise(Types.ZeroDivisionError, "division by zero");
                }

                return NewFloat((double)bx / (double)by);
            case "//":
            {
                if (by.IsZero)
                {
                    throw Raise(Types.ZeroDivisionError, "integer division or modulo by zero");
                }

                var q = BigInteger.DivRem(bx, by, out var rem);
                if (!rem.IsZero && (rem.Sign != by.Sign))
                {
                    q -= 1;
                }

                return NewInt(q);
            }

            case "%":
            {
                if (by.IsZero)
                {
                    throw Raise(Types.ZeroDivisionError, "integer division or modulo by zero");
                }

                var m = BigInteger.Remainder(bx, by);
                if (!m.IsZero && m.Sign != by.Sign)
                {
                    m += by;
                }

                return NewInt(m);
            }

            case "**":
                if (by.Sign < 0)
                {
                    if (bx.IsZero)
                    {
                        throw Raise(Types.ZeroDivisionError, "0.0 cannot be raised to a negative power");
                    }

                    return NewFloat(Math.Pow((double)bx, (double)by));
                }

                if (by > 100_000)
                {
                    throw Raise(Types.OverflowError, "the playground limits integer powers to exponents up to 100000");
                }

                // The result has about bits(x) * y bits: 30-bit digits of 4 bytes (Include/cpython/longintrepr.h).
                var digits = ((BitLength(bx) * (long)by) + 29) / 30;
                ReserveObjectBytes(IntHeaderBytes + (digits * 4));
                Work(digits / CopiesPerUnitOfWork);
                return NewInt(BigInteger.Pow(bx, (int)by));
        }

        throw Raise(Types.TypeError, $"unsupported operand type(s) for {op}: 'int' and 'int'");
    }

    /// <summary>A big int's magnitude in bits, to size a result before computing it.</summary>
    private static long BitLength(BigInteger v) => v.IsZero ? 0 : (long)BigInteger.Abs(v).GetBitLength();

    // sizeof(PyLongObject) less its digit: the fixed part of an int (Objects/longobject.c).
    private const int IntHeaderBytes = 24;

    // The fixed part of a str of ASCII characters (sizeof(PyASCIIObject) + 1 for the NUL), of a list and
    // of a tuple (Objects/unicodeobject.c, listobject.c, tupleobject.c); each list or tuple item is a pointer.
    private const int StrHeaderBytes = 49;
    private const int ListHeaderBytes = 56;
    private const int TupleHeaderBytes = 40;
    private const int PointerBytes = 8;

    // A bulk copy (the items of a repeat, the digits of a power) counts one unit of work, a step, per 64
    // items: about what one bytecode costs, so a loop of big repeats meets the step limit, and the memory
    // it holds stays bounded, long before the host's memory runs out.
    private const int CopiesPerUnitOfWork = 64;

    // A long repetition looks at the clock every 65,536 copies.
    private const int RepeatClockMask = 0xFFFF;

    /// <summary>
    /// Sequence repetition (unicode_repeat, list_repeat, tuple_repeat): the new object's size is known
    /// before it is built, so it is checked against the memory limits first. Returns the count.
    /// </summary>
    private long ReserveRepeat(PyObject sequence, long count)
    {
        var (header, length, itemBytes) = sequence switch
        {
            PyStr s => (StrHeaderBytes, s.Value.Length, 1),
            PyList l => (ListHeaderBytes, l.Items.Count, PointerBytes),
            _ => (TupleHeaderBytes, ((PyTuple)sequence).Items.Length, PointerBytes),
        };
        if (length == 0)
        {
            return 0;
        }

        var copies = (BigInteger)length * count;
        ReserveObjectBytes(header + (copies * itemBytes));
        Work((long)(copies / CopiesPerUnitOfWork));
        return count;
    }

    private PyObject FloatOp(string op, double x, double y)
    {
        switch (op)
        {
            case "+":
                return NewFloat(x + y);
            case "-":
                return NewFloat(x - y);
            case "*":
                return NewFloat(x * y);
            case "/":
                if (y == 0)
                {
                    throw Raise(Types.ZeroDivisionError, "float division by zero");
                }

                return NewFloat(x / y);
            case "//":
                if (y == 0)
                {
                    throw Raise(Types.ZeroDivisionError, "float floor division by zero");
                }

                return NewFloat(Math.Floor(x / y));
            case "%":
            {
                if (y == 0)
                {
                    throw Raise(Types.ZeroDivisionError, "float modulo");
                }

                var m = x % y;
                if (m != 0 && (m < 0) != (y < 0))
                {
                    m += y;
                }

                return NewFloat(m);
            }

            case "**":
                if (x == 0 && y < 0)
                {
                    throw Raise(Types.ZeroDivisionError, "0.0 cannot be raised to a negative power");
                }

                return NewFloat(Math.Pow(x, y));
        }

        throw Raise(Types.TypeError, $"unsupported operand type(s) for {op}: 'float' and 'float'");
    }

    public PyObject Negate(PyObject v) => v switch
    {
        PyInt i => i.IsBig ? NewInt(-i.Big!.Value) : NewInt(-(BigInteger)i.Small),
        PyFloat f => NewFloat(-f.Value),
        _ => throw Raise(Types.TypeError, $"bad operand type for unary -: '{v.Type.Name}'"),
    };

    private PyObject Positive(PyObject v)
    {
        if (v is PyInt or PyFloat)
        {
            Incref(v, Why.Temporary);
            return v;
        }

        throw Raise(Types.TypeError, $"bad operand type for unary +: '{v.Type.Name}'");
    }

    public PyObject CompareOp(string op, PyObject l, PyObject r)
    {
        switch (op)
        {
            case "is":
                return Bool(ReferenceEquals(l, r));
            case "is not":
                return Bool(!ReferenceEquals(l, r));
            case "in":
                return Bool(Contains(r, l));
            case "not in":
                return Bool(!Contains(r, l));
            case "==":
                return Bool(PyEquals(l, r));
            case "!=":
                return Bool(!PyEquals(l, r));
        }

        var c = Order(l, r, op);
        return Bool(op switch
        {
            "<" => c < 0,
            "<=" => c <= 0,
            ">" => c > 0,
            _ => c >= 0,
        });
    }

    public bool PyEquals(PyObject l, PyObject r)
    {
        if (ReferenceEquals(l, r))
        {
            return l is not PyFloat f || !double.IsNaN(f.Value);
        }

        switch (l)
        {
            case PyInt a when r is PyInt b:
                return a.IsBig || b.IsBig ? a.Value == b.Value : a.Small == b.Small;
            case PyInt or PyFloat when r is PyInt or PyFloat:
                return ToDouble(l) == ToDouble(r);
            case PyStr a when r is PyStr b:
                return a.Value == b.Value;
            case PyList a when r is PyList b:
                return a.Items.Count == b.Items.Count && a.Items.Zip(b.Items).All(p => PyEquals(p.First, p.Second));
            case PyTuple a when r is PyTuple b:
                return a.Items.Length == b.Items.Length && a.Items.Zip(b.Items).All(p => PyEquals(p.First, p.Second));
            case PyDict a when r is PyDict b:
                return a.Table.Count == b.Table.Count && a.Table.Entries().All(e => b.Table.TryGet(e.Key, out var v) && PyEquals(e.Value!, v!));
            case PySet a when r is PySet b:
                return a.Table.Count == b.Table.Count && a.Table.Entries().All(e => b.Table.ContainsKey(e.Key));
            case PyInstance inst when inst.Type.Lookup("__eq__") is PyFunction:
                return Truthy(CallDunder(inst, "__eq__", [r]));
        }

        if (r is PyInstance ri && ri.Type.Lookup("__eq__") is PyFunction)
        {
            return Truthy(CallDunder(ri, "__eq__", [l]));
        }

        return false;
    }

    public int Order(PyObject l, PyObject r, string op)
    {
        switch (l)
        {
            case PyInt a when r is PyInt b:
                return a.Value.CompareTo(b.Value);
            case PyInt or PyFloat when r is PyInt or PyFloat:
                return ToDouble(l).CompareTo(ToDouble(r));
            case PyStr a when r is PyStr b:
                return string.CompareOrdinal(a.Value, b.Value);
            case PyList a when r is PyList b:
                return OrderSeq(a.Items, b.Items, op);
            case PyTuple a when r is PyTuple b:
                return OrderSeq(a.Items, b.Items, op);
        }

        throw Raise(Types.TypeError, $"'{op}' not supported between instances of '{l.Type.Name}' and '{r.Type.Name}'");
    }

    private int OrderSeq(IReadOnlyList<PyObject> a, IReadOnlyList<PyObject> b, string op)
    {
        for (var i = 0; i < Math.Min(a.Count, b.Count); i++)
        {
            if (!PyEquals(a[i], b[i]))
            {
                return Order(a[i], b[i], op);
            }
        }

        return a.Count.CompareTo(b.Count);
    }

    public bool Contains(PyObject container, PyObject item)
    {
        switch (container)
        {
            case PyStr s when item is PyStr sub:
                return s.Value.Contains(sub.Value, StringComparison.Ordinal);
            case PyStr:
                throw Raise(Types.TypeError, $"'in <string>' requires string as left operand, not {item.Type.Name}");
            case PyList l:
                return l.Items.Any(x => PyEquals(x, item));
            case PyTuple t:
                return t.Items.Any(x => PyEquals(x, item));
            case PyDict d:
                return d.Table.ContainsKey(Hashable(item));
            case PySet s:
                return s.Table.ContainsKey(Hashable(item));
            case PyRange r when item is PyInt i:
            {
                var v = i.Value;
                return r.Step > 0 ? v >= r.Start && v < r.Stop && (v - r.Start) % r.Step == 0 : v <= r.Start && v > r.Stop && (r.Start - v) % -r.Step == 0;
            }
        }

        throw Raise(Types.TypeError, $"argument of type '{container.Type.Name}' is not iterable");
    }

    /// <summary>Checks a key can be hashed, with CPython's message for the types that cannot.</summary>
    public PyObject Hashable(PyObject key)
    {
        if (key is PyList or PyDict or PySet || (key is PyInstance inst && inst.Type.Lookup("__eq__") is PyFunction && inst.Type.Lookup("__hash__") == null))
        {
            throw Raise(Types.TypeError, $"unhashable type: '{key.Type.Name}'");
        }

        if (key is PyTuple t)
        {
            foreach (var x in t.Items)
            {
                Hashable(x);
            }
        }

        return key;
    }
}
