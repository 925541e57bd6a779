using System.Numerics;
using Playground.Engines.Memory.Syntax;

namespace Playground.Engines.Memory.Runtime;

/// <summary>
/// The constants of the compiled module. Equal constants are one object for the whole source (the
/// compiler's const cache), identifier-like strings are interned (Objects/codeobject.c
/// intern_string_constants), and a constant starts with the references CPython 3.11 holds on it
/// (co_consts and the compiler's cache), which is why <c>x = 1000; sys.getrefcount(x)</c> prints 4.
/// </summary>
internal sealed class ConstantPool(Interpreter interp) : IConstantFactory
{
    private const int ConstantBaseRefCount = 2;
    private readonly Dictionary<(Type, string), PyObject> _cache = [];

    public PyObject Int(BigInteger value)
    {
        if (value >= -5 && value <= 256)
        {
            return interp.SmallInt((long)value);
        }

        return Cached((typeof(PyInt), value.ToString(System.Globalization.CultureInfo.InvariantCulture)), () => interp.NewInt(value));
    }

    public PyObject Float(double value) =>
        Cached((typeof(PyFloat), BitConverter.DoubleToInt64Bits(value).ToString(System.Globalization.CultureInfo.InvariantCulture)), () => interp.NewFloat(value));

    public PyObject Str(string value)
    {
        if (value.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') || value.Length <= 1 && (value.Length == 0 || value[0] < 256))
        {
            return interp.Intern(value, false);
        }

        return Cached((typeof(PyStr), value), () => interp.NewStr(value));
    }

    public PyObject None() => interp.None;

    public PyObject Bool(bool value) => value ? interp.True : interp.False;

    public PyObject Tuple(PyObject[] items)
    {
        if (items.Length == 0)
        {
            return interp.Types.EmptyTuple;
        }

        var key = string.Join(",", items.Select(i => i.Id));
        return Cached((typeof(PyTuple), key), () =>
        {
            foreach (var i in items)
            {
                i.RefCount++;
            }

            return interp.NewTuple(items);
        });
    }

    // Python/ast_opt.c MAX_INT_SIZE: the largest int result, in bits, the optimizer folds.
    private const int MaxFoldedIntBits = 128;

    public PyObject? Fold(string op, PyObject left, PyObject right)
    {
        if (left is not (PyInt or PyFloat or PyStr) || right is not (PyInt or PyFloat or PyStr))
        {
            return null;
        }

        // The AST optimizer (Python/ast_opt.c safe_power, 3.11) refuses to fold a power whose result could
        // pass MAX_INT_SIZE, 128 bits: bits(x) > 128 / y. So 2**64 and 10**32 are constants, 2**65 is not.
        if (op == "**" && left is PyInt b && right is PyInt e && !b.Value.IsZero && e.Value.Sign > 0
            && (e.IsBig || (long)BigInteger.Abs(b.Value).GetBitLength() > MaxFoldedIntBits / e.Small))
        {
            return null;
        }

        if (op == "*" && (left is PyStr || right is PyStr))
        {
            return null;
        }

        try
        {
            var r = interp.BinaryOp(op, left, right);
            switch (r)
            {
                case PyInt i when !i.Shared:
                    return Adopt(i, (typeof(PyInt), i.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                case PyFloat f:
                    return Adopt(f, (typeof(PyFloat), BitConverter.DoubleToInt64Bits(f.Value).ToString(System.Globalization.CultureInfo.InvariantCulture)));
                case PyStr s when s.Value.Length <= 4096:
                {
                    var folded = Str(s.Value);
                    interp.Decref(s, Why.Temporary);
                    return folded;
                }

                default:
                    return r;
            }
        }
        catch (PyException ex)
        {
            interp.Decref(ex.Value, Why.Temporary);
            return null;
        }
    }

    public PyObject? Negate(PyObject operand)
    {
        if (operand is PyInt i)
        {
            return Int(-i.Value);
        }

        if (operand is PyFloat f)
        {
            return Float(-f.Value);
        }

        return null;
    }

    private PyObject Adopt(PyObject made, (Type, string) key)
    {
        if (_cache.TryGetValue(key, out var existing))
        {
            interp.Decref(made, Why.Temporary);
            return existing;
        }

        made.RefCount = ConstantBaseRefCount;
        _cache[key] = made;
        return made;
    }

    private PyObject Cached((Type, string) key, Func<PyObject> make)
    {
        if (!_cache.TryGetValue(key, out var o))
        {
            o = make();
            o.RefCount = ConstantBaseRefCount;
            _cache[key] = o;
        }

        return o;
    }
}
