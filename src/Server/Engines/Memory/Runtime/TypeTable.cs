namespace Playground.Engines.Memory.Runtime;

/// <summary>The built-in type objects of the subset, with the exception hierarchy CPython uses.</summary>
internal sealed class TypeTable
{
    public TypeTable()
    {
        Type = new PyType(null, "type", null, false);
        Type.Type = Type;
        Object = Make("object", null);
        Int = Make("int");
        Bool = Make("bool", Int);
        Float = Make("float");
        Str = Make("str");
        List = Make("list");
        Tuple = Make("tuple");
        Dict = Make("dict");
        Set = Make("set");
        NoneType = Make("NoneType");
        Function = Make("function");
        BuiltinFunction = Make("builtin_function_or_method");
        Method = Make("method");
        Module = Make("module");
        Range = Make("range");
        RangeIterator = Make("range_iterator");
        ListIterator = Make("list_iterator");
        TupleIterator = Make("tuple_iterator");
        StrIterator = Make("str_ascii_iterator");
        DictKeyIterator = Make("dict_keyiterator");
        SetIterator = Make("set_iterator");
        WeakRef = Make("weakref.ReferenceType");
        BaseException = Make("BaseException");
        Exception = Make("Exception", BaseException);
        ArithmeticError = Make("ArithmeticError", Exception);
        ZeroDivisionError = Make("ZeroDivisionError", ArithmeticError);
        OverflowError = Make("OverflowError", ArithmeticError);
        LookupError = Make("LookupError", Exception);
        IndexError = Make("IndexError", LookupError);
        KeyError = Make("KeyError", LookupError);
        NameError = Make("NameError", Exception);
        UnboundLocalError = Make("UnboundLocalError", NameError);
        TypeError = Make("TypeError", Exception);
        ValueError = Make("ValueError", Exception);
        AttributeError = Make("AttributeError", Exception);
        RuntimeError = Make("RuntimeError", Exception);
        RecursionError = Make("RecursionError", RuntimeError);
        StopIteration = Make("StopIteration", Exception);
        AssertionError = Make("AssertionError", Exception);
        MemoryError = Make("MemoryError", Exception);
        EmptyTuple = new PyTuple(Tuple, []) { Shared = true, RefCount = Interpreter.StaticRefCount };
    }

    public PyType Type { get; }

    public PyType Object { get; }

    public PyType Int { get; }

    public PyType Bool { get; }

    public PyType Float { get; }

    public PyType Str { get; }

    public PyType List { get; }

    public PyType Tuple { get; }

    public PyType Dict { get; }

    public PyType Set { get; }

    public PyType NoneType { get; }

    public PyType Function { get; }

    public PyType BuiltinFunction { get; }

    public PyType Method { get; }

    public PyType Module { get; }

    public PyType Range { get; }

    public PyType RangeIterator { get; }

    public PyType ListIterator { get; }

    public PyType TupleIterator { get; }

    public PyType StrIterator { get; }

    public PyType DictKeyIterator { get; }

    public PyType SetIterator { get; }

    public PyType WeakRef { get; }

    public PyType BaseException { get; }

    public PyType Exception { get; }

    public PyType ArithmeticError { get; }

    public PyType ZeroDivisionError { get; }

    public PyType OverflowError { get; }

    public PyType LookupError { get; }

    public PyType IndexError { get; }

    public PyType KeyError { get; }

    public PyType NameError { get; }

    public PyType UnboundLocalError { get; }

    public PyType TypeError { get; }

    public PyType ValueError { get; }

    public PyType AttributeError { get; }

    public PyType RuntimeError { get; }

    public PyType RecursionError { get; }

    public PyType StopIteration { get; }

    public PyType AssertionError { get; }

    public PyType MemoryError { get; }

    public PyTuple EmptyTuple { get; }

    public IEnumerable<PyType> Exceptions =>
    [
        BaseException, Exception, ArithmeticError, ZeroDivisionError, OverflowError, LookupError, IndexError, KeyError,
        NameError, UnboundLocalError, TypeError, ValueError, AttributeError, RuntimeError, RecursionError, StopIteration,
        AssertionError, MemoryError,
    ];

    private PyType Make(string name, PyType? baseType = null) =>
        new(Type, name, baseType ?? (name == "object" ? null : Object), false) { RefCount = Interpreter.StaticRefCount };
}
