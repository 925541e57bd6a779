using System.Globalization;
using System.Text;

namespace Playground.Engines.Memory.Runtime;

// repr() and str() as CPython prints them (Objects/floatobject.c float_repr uses the shortest
// round-tripping digits and switches to exponent form below 1e-4 and from 1e16).
internal sealed partial class Interpreter
{
    private readonly HashSet<PyObject> _reprActive = new(ReferenceEqualityComparer.Instance);

    public string Str(PyObject o) => o switch
    {
        PyStr s => s.Value,
        PyInstance inst when inst.Type.Lookup("__str__") is PyFunction => ((PyStr)CallDunder(inst, "__str__", [])).Value,
        PyInstance inst when inst.Args != null && inst.Type.Lookup("__repr__") is not PyFunction =>
            inst.Args.Length == 0 ? "" : inst.Args.Length == 1 ? (inst.Type.IsSubtypeOf(Types.KeyError) ? Repr(inst.Args[0]) : Str(inst.Args[0])) : Repr(new PyTuple(Types.Tuple, inst.Args)),
        _ => Repr(o),
    };

    public string Repr(PyObject o)
    {
        switch (o)
        {
            case PyNone:
                return "None";
            case PyInt i when ReferenceEquals(i.Type, Types.Bool):
                return i.Small != 0 ? "True" : "False";
            case PyInt i:
                return i.IsBig ? i.Big!.Value.ToString(CultureInfo.InvariantCulture) : i.Small.ToString(CultureInfo.InvariantCulture);
            case PyFloat f:
                return FloatRepr(f.Value);
            case PyStr s:
                return StrRepr(s.Value);
            case PyType t:
                return t.IsHeapType ? $"<class '__main__.{t.Name}'>" : $"<class '{t.Name}'>";
            case PyFunction fn:
                return $"<function {fn.QualName} at 0x{Address(fn):x}>";
            case PyBuiltin b:
                return b.Self == null ? $"<built-in function {b.Name}>" : $"<built-in method {b.Name} of {b.Self.Type.Name} object at 0x{Address(b.Self):x}>";
            case PyMethod m:
                return $"<bound method {m.Function.QualName} of {Repr(m.Self)}>";
            case PyModule m:
                return $"<module '{m.Name}' (built-in)>";
            case PyRange r:
                return r.Step == 1 ? $"range({r.Start}, {r.Stop})" : $"range({r.Start}, {r.Stop}, {r.Step})";
            case PyWeakRef w:
                return w.Referent == null ? $"<weakref at 0x{Address(w):x}; dead>" : $"<weakref at 0x{Address(w):x}; to '{w.Referent.Type.Name}' at 0x{Address(w.Referent):x}>";
            case PyIterator it:
                return $"<{it.Type.Name} object at 0x{Address(it):x}>";
        }

        if (!_reprActive.Add(o))
        {
            return o switch
            {
                PyList => "[...]",
                PyDict => "{...}",
                _ => "...",
            };
        }

        try
        {
            switch (o)
            {
                case PyList { ViewName: { } view } l:
                    return view + "([" + string.Join(", ", l.Items.Select(Repr)) + "])";
                case PyList l:
                    return "[" + string.Join(", ", l.Items.Select(Repr)) + "]";
                case PyTuple t:
                    return t.Items.Length == 1 ? "(" + Repr(t.Items[0]) + ",)" : "(" + string.Join(", ", t.Items.Select(Repr)) + ")";
                case PyDict d:
                    return "{" + string.Join(", ", d.Table.Entries().Select(e => Repr(e.Key) + ": " + Repr(e.Value!))) + "}";
                case PySet s:
                    return s.Table.Count == 0 ? "set()" : "{" + string.Join(", ", SetIterationOrder.Keys(s).Select(Repr)) + "}";
                case PyInstance inst:
                    if (inst.Type.Lookup("__repr__") is PyFunction)
                    {
                        var r = CallDunder(inst, "__repr__", []);
                        return r is PyStr rs ? rs.Value : throw Raise(Types.TypeError, $"__repr__ returned non-string (type {r.Type.Name})");
                    }

                    if (inst.Args != null)
                    {
                        return inst.Type.Name + "(" + string.Join(", ", inst.Args.Select(Repr)) + ")";
                    }

                    return $"<__main__.{inst.Type.Name} object at 0x{Address(inst):x}>";
            }

            return $"<{o.Type?.Name} object>";
        }
        finally
        {
            _reprActive.Remove(o);
        }
    }

    /// <summary>id(): the simulated address.</summary>
    public ulong Address(PyObject o) => o.Address != 0 ? o.Address : Allocation.PyMalloc.StaticRegionBase + ((ulong)o.Id * 16);

    public static string StrRepr(string s)
    {
        var quote = s.Contains('\'', StringComparison.Ordinal) && !s.Contains('"', StringComparison.Ordinal) ? '"' : '\'';
        var sb = new StringBuilder();
        sb.Append(quote);
        foreach (var c in s)
        {
            switch (c)
            {
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    if (c == quote)
                    {
                        sb.Append('\\').Append(c);
                    }
                    else if (c < 32 || c == 127)
                    {
                        sb.Append(CultureInfo.InvariantCulture, $"\\x{(int)c:x2}");
                    }
                    else
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        sb.Append(quote);
        return sb.ToString();
    }

    public static string FloatRepr(double v)
    {
        if (double.IsNaN(v))
        {
            return "nan";
        }

        if (double.IsInfinity(v))
        {
            return v > 0 ? "inf" : "-inf";
        }

        if (v == 0)
        {
            return double.IsNegative(v) ? "-0.0" : "0.0";
        }

        // Shortest round-trip digits and the decimal exponent.
        var r = Math.Abs(v).ToString("E16", CultureInfo.InvariantCulture);
        var shortest = Math.Abs(v).ToString("R", CultureInfo.InvariantCulture);
        var digits = new StringBuilder();
        int exp;
        var ePos = shortest.IndexOf('E', StringComparison.Ordinal);
        var mant = ePos >= 0 ? shortest[..ePos] : shortest;
        var e10 = ePos >= 0 ? int.Parse(shortest[(ePos + 1)..], CultureInfo.InvariantCulture) : 0;
        var dot = mant.IndexOf('.', StringComparison.Ordinal);
        var intPart = dot >= 0 ? mant[..dot] : mant;
        var frac = dot >= 0 ? mant[(dot + 1)..] : "";
        var all = (intPart + frac).TrimStart('0');
        var leadingZeros = (intPart + frac).Length - all.Length;
        exp = intPart.Length - 1 - leadingZeros + e10;
        all = all.TrimEnd('0');
        if (all.Length == 0)
        {
            all = "0";
        }

        _ = r;
        digits.Append(all);
        var sign = v < 0 ? "-" : "";
        string body;
        if (exp < -4 || exp >= 16)
        {
            body = digits.Length == 1 ? digits.ToString() : digits[0] + "." + digits.ToString(1, digits.Length - 1);
            body += "e" + (exp < 0 ? "-" : "+") + Math.Abs(exp).ToString("00", CultureInfo.InvariantCulture);
        }
        else if (exp < 0)
        {
            body = "0." + new string('0', -exp - 1) + digits;
        }
        else if (digits.Length <= exp + 1)
        {
            body = digits + new string('0', exp + 1 - digits.Length) + ".0";
        }
        else
        {
            body = digits.ToString(0, exp + 1) + "." + digits.ToString(exp + 1, digits.Length - exp - 1);
        }

        return sign + body;
    }

    /// <summary>format(value, spec) for the common specs: fill/align/width, precision with f/e/%, d and s.</summary>
    public string Format(PyObject v, string spec)
    {
        var m = System.Text.RegularExpressions.Regex.Match(spec, @"^(?:(.)?([<>^=]))?([+\- ])?(0)?(\d+)?(,|_)?(?:\.(\d+))?([bcdeEfFgGnosxX%])?$");
        if (!m.Success)
        {
            throw Raise(Types.ValueError, "Invalid format specifier");
        }

        var fill = m.Groups[1].Success ? m.Groups[1].Value[0] : (m.Groups[4].Success ? '0' : ' ');
        var align = m.Groups[2].Success ? m.Groups[2].Value[0] : (m.Groups[4].Success ? '=' : (v is PyStr ? '<' : '>'));
        var width = m.Groups[5].Success ? int.Parse(m.Groups[5].Value, CultureInfo.InvariantCulture) : 0;
        var comma = m.Groups[6].Success ? m.Groups[6].Value : null;
        int? precision = m.Groups[7].Success ? int.Parse(m.Groups[7].Value, CultureInfo.InvariantCulture) : null;
        var type = m.Groups[8].Success ? m.Groups[8].Value[0] : '\0';
        string text;
        switch (v)
        {
            case PyInt i when type is '\0' or 'd' && !ReferenceEquals(i.Type, Types.Bool):
                text = comma != null ? i.Value.ToString("#,0", CultureInfo.InvariantCulture).Replace(",", comma, StringComparison.Ordinal) : i.Value.ToString(CultureInfo.InvariantCulture);
                break;
            case PyInt or PyFloat when type is 'f' or 'F' or '%' or 'e' or '\0' or 'g':
            {
                var d = ToDouble(v);
                if (type == '%')
                {
                    d *= 100;
                }

                if (type == '\0' && precision == null)
                {
                    text = v is PyFloat ? FloatRepr(d) : Repr(v);
                }
                else if (type is 'e')
                {
                    var s = d.ToString("e" + (precision ?? 6), CultureInfo.InvariantCulture);
                    text = System.Text.RegularExpressions.Regex.Replace(s, @"e([+-])0*(\d\d+)", "e$1$2");
                }
                else if (type is 'g' or '\0')
                {
                    text = d.ToString("G" + (precision ?? 6), CultureInfo.InvariantCulture);
                }
                else
                {
                    text = d.ToString((comma != null ? "#,0." : "0.") + new string('0', precision ?? 6), CultureInfo.InvariantCulture).TrimEnd('.');
                    if (precision == 0)
                    {
                        text = Math.Round(d, MidpointRounding.ToEven).ToString(comma != null ? "#,0" : "0", CultureInfo.InvariantCulture);
                    }
                }

                if (type == '%')
                {
                    text += "%";
                }

                break;
            }

            case PyStr s when type is '\0' or 's':
                text = precision is { } p && p < s.Value.Length ? s.Value[..p] : s.Value;
                break;
            default:
                if (spec.Length == 0)
                {
                    return Str(v);
                }

                throw Raise(Types.ValueError, $"Unknown format code '{type}' for object of type '{v.Type.Name}'");
        }

        if (m.Groups[3].Success && m.Groups[3].Value == "+" && !text.StartsWith('-'))
        {
            text = "+" + text;
        }

        return Pad(text, width, fill, align);
    }

    public string FormatString(string text, string spec) => Format(NewStrTemp(text), spec);

    private PyStr NewStrTemp(string s) => new(Types.Str, s);

    private static string Pad(string text, int width, char fill, char align)
    {
        if (text.Length >= width)
        {
            return text;
        }

        var pad = width - text.Length;
        return align switch
        {
            '<' => text + new string(fill, pad),
            '^' => new string(fill, pad / 2) + text + new string(fill, pad - (pad / 2)),
            '=' when text.Length > 0 && (text[0] == '-' || text[0] == '+') => text[0] + new string(fill, pad) + text[1..],
            _ => new string(fill, pad) + text,
        };
    }
}
