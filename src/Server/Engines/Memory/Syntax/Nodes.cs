using Playground.Engines.Memory.Runtime;

namespace Playground.Engines.Memory.Syntax;

// The AST of the subset, shaped like CPython's Python.asdl: every node keeps lineno, col_offset (+1, so
// columns count from 1), end_lineno and end_col_offset. Nodes are classes with fields because the
// evaluator walks them millions of times.

internal abstract class Node
{
    public int Line;
    public int Col;
    public int EndLine;
    public int EndCol;

    public T At<T>(Token start, Token end)
        where T : Node
    {
        Line = start.Line;
        Col = start.Col;
        EndLine = end.EndLine;
        EndCol = end.EndCol;
        return (T)this;
    }
}

internal abstract class Expr : Node
{
}

internal abstract class Stmt : Node
{
}

/// <summary>A literal the compiler turned into a constant of the code object (co_consts), folded where CPython folds.</summary>
internal sealed class ConstExpr(PyObject value) : Expr
{
    public readonly PyObject Value = value;
}

internal enum NameScope
{
    Global,
    Local,
    Enclosing,
    ClassBody,
}

internal sealed class NameExpr(string id) : Expr
{
    public readonly string Id = id;
    public NameScope Scope = NameScope.Global;
    public int Slot = -1;
    public int Depth;
}

internal sealed class AttributeExpr(Expr value, string attr) : Expr
{
    public readonly Expr Value = value;
    public readonly string Attr = attr;
}

internal sealed class SubscriptExpr(Expr value, Expr index) : Expr
{
    public readonly Expr Value = value;
    public readonly Expr Index = index;
}

internal sealed class SliceExpr(Expr? lower, Expr? upper, Expr? step) : Expr
{
    public readonly Expr? Lower = lower;
    public readonly Expr? Upper = upper;
    public readonly Expr? Step = step;
}

internal sealed class CallExpr(Expr func, Expr[] args, (string Name, Expr Value)[] keywords) : Expr
{
    public readonly Expr Func = func;
    public readonly Expr[] Args = args;
    public readonly (string Name, Expr Value)[] Keywords = keywords;
}

internal sealed class BinOpExpr(Expr left, string op, Expr right) : Expr
{
    public readonly Expr Left = left;
    public readonly string Op = op;
    public readonly Expr Right = right;
}

internal sealed class UnaryExpr(string op, Expr operand) : Expr
{
    public readonly string Op = op;
    public readonly Expr Operand = operand;
}

internal sealed class BoolOpExpr(bool isAnd, Expr[] values) : Expr
{
    public readonly bool IsAnd = isAnd;
    public readonly Expr[] Values = values;
}

internal sealed class CompareExpr(Expr left, string[] ops, Expr[] comparators) : Expr
{
    public readonly Expr Left = left;
    public readonly string[] Ops = ops;
    public readonly Expr[] Comparators = comparators;
}

internal sealed class IfExpr(Expr test, Expr body, Expr orElse) : Expr
{
    public readonly Expr Test = test;
    public readonly Expr Body = body;
    public readonly Expr OrElse = orElse;
}

internal enum DisplayKind
{
    List,
    Tuple,
    Set,
}

internal sealed class DisplayExpr(DisplayKind kind, Expr[] items) : Expr
{
    public readonly DisplayKind Kind = kind;
    public readonly Expr[] Items = items;
}

internal sealed class DictExpr(Expr[] keys, Expr[] values) : Expr
{
    public readonly Expr[] Keys = keys;
    public readonly Expr[] Values = values;
}

internal sealed class Comprehension(Expr target, Expr iter, Expr[] ifs)
{
    public readonly Expr Target = target;
    public readonly Expr Iter = iter;
    public readonly Expr[] Ifs = ifs;
}

/// <summary>A list comprehension: in 3.11 a nested function called with the first iterable.</summary>
internal sealed class ListCompExpr(Expr element, Comprehension[] generators) : Expr
{
    public readonly Expr Element = element;
    public readonly Comprehension[] Generators = generators;
    public Scope Scope = null!;
}

internal sealed class LambdaExpr(Parameters parameters, Expr body) : Expr
{
    public readonly Parameters Parameters = parameters;
    public readonly Expr Body = body;
    public Scope Scope = null!;
}

internal sealed class FStringExpr(Expr[] parts) : Expr
{
    public readonly Expr[] Parts = parts;
}

/// <summary>One <c>{value!conversion:spec}</c> of an f-string.</summary>
internal sealed class FormattedValueExpr(Expr value, char conversion, Expr? spec) : Expr
{
    public readonly Expr Value = value;
    public readonly char Conversion = conversion;
    public readonly Expr? Spec = spec;
}

internal sealed class Parameters(string[] names, Expr?[] defaults)
{
    public readonly string[] Names = names;
    public readonly Expr?[] Defaults = defaults;
}

/// <summary>A function's (or comprehension's) local variables in co_varnames order: parameters first.</summary>
internal sealed class Scope(string name)
{
    public readonly string Name = name;
    public readonly List<string> Locals = [];
    public readonly HashSet<string> Globals = [];

    /// <summary>Locals read by inner functions (co_cellvars): they outlive the frame.</summary>
    public readonly HashSet<int> CellSlots = [];
    public Scope? Parent;
    public bool IsClass;

    public int SlotOf(string name) => Locals.IndexOf(name);
}

internal sealed class ExprStmt(Expr value) : Stmt
{
    public readonly Expr Value = value;
}

internal sealed class AssignStmt(Expr[] targets, Expr value) : Stmt
{
    public readonly Expr[] Targets = targets;
    public readonly Expr Value = value;
}

internal sealed class AugAssignStmt(Expr target, string op, Expr value) : Stmt
{
    public readonly Expr Target = target;
    public readonly string Op = op;
    public readonly Expr Value = value;
}

internal sealed class DelStmt(Expr[] targets) : Stmt
{
    public readonly Expr[] Targets = targets;
}

internal sealed class IfStmt(Expr test, Stmt[] body, Stmt[] orElse) : Stmt
{
    public readonly Expr Test = test;
    public readonly Stmt[] Body = body;
    public readonly Stmt[] OrElse = orElse;
}

internal sealed class WhileStmt(Expr test, Stmt[] body, Stmt[] orElse) : Stmt
{
    public readonly Expr Test = test;
    public readonly Stmt[] Body = body;
    public readonly Stmt[] OrElse = orElse;
}

internal sealed class ForStmt(Expr target, Expr iter, Stmt[] body, Stmt[] orElse) : Stmt
{
    public readonly Expr Target = target;
    public readonly Expr Iter = iter;
    public readonly Stmt[] Body = body;
    public readonly Stmt[] OrElse = orElse;
}

internal sealed class BreakStmt : Stmt
{
}

internal sealed class ContinueStmt : Stmt
{
}

internal sealed class PassStmt : Stmt
{
}

internal sealed class FunctionDefStmt(string name, Parameters parameters, Stmt[] body) : Stmt
{
    public readonly string Name = name;
    public readonly Parameters Parameters = parameters;
    public readonly Stmt[] Body = body;
    public Scope Scope = null!;
    public NameExpr Target = null!;
}

internal sealed class ReturnStmt(Expr? value) : Stmt
{
    public readonly Expr? Value = value;
}

internal sealed class GlobalStmt(string[] names) : Stmt
{
    public readonly string[] Names = names;
}

internal sealed class ClassDefStmt(string name, Expr? baseClass, Stmt[] body) : Stmt
{
    public readonly string Name = name;
    public readonly Expr? Base = baseClass;
    public readonly Stmt[] Body = body;
    public NameExpr Target = null!;
}

internal sealed class ImportStmt(string[] modules) : Stmt
{
    public readonly string[] Modules = modules;
    public NameExpr[] Targets = [];
}

internal sealed class ExceptHandler(Expr? type, string? name, Stmt[] body)
{
    public readonly Expr? Type = type;
    public readonly string? Name = name;
    public readonly Stmt[] Body = body;
    public NameExpr? Target;
    public int Line;
}

internal sealed class TryStmt(Stmt[] body, ExceptHandler[] handlers, Stmt[] orElse, Stmt[] finalBody) : Stmt
{
    public readonly Stmt[] Body = body;
    public readonly ExceptHandler[] Handlers = handlers;
    public readonly Stmt[] OrElse = orElse;
    public readonly Stmt[] FinalBody = finalBody;
}

internal sealed class RaiseStmt(Expr? exception) : Stmt
{
    public readonly Expr? Exception = exception;
}

internal sealed class ModuleNode(Stmt[] body, string[] lines) : Node
{
    public readonly Stmt[] Body = body;
    public readonly string[] Lines = lines;
}
