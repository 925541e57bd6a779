using System.Numerics;
using Playground.Engines.Memory.Runtime;

namespace Playground.Engines.Memory.Syntax;

/// <summary>
/// Makes the code object's constants (co_consts) while parsing, merged per source as CPython's compiler
/// merges equal constants (compile.c merge_consts_recursive), and folds what the AST optimizer folds.
/// </summary>
internal interface IConstantFactory
{
    PyObject Int(BigInteger value);

    PyObject Float(double value);

    PyObject Str(string value);

    PyObject None();

    PyObject Bool(bool value);

    PyObject Tuple(PyObject[] items);

    PyObject? Fold(string op, PyObject left, PyObject right);

    PyObject? Negate(PyObject operand);
}
