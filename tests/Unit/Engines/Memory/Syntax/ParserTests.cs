using Xunit;
using Playground.Engines.Memory;
using Playground.Engines.Memory.Runtime;
using Playground.Engines.Memory.Syntax;
using Playground.Shared.Memory;

namespace Playground.Tests.Unit.Engines.Memory.Syntax;

public sealed class ParserTests
{
    private static ModuleNode Parse(string source) =>
        Parser.ParseModule(source, new ConstantPool(new Interpreter(SimulationOptions.Unlimited(), new System.Text.StringBuilder(), null)));

    private static string Rejection(string source)
    {
        var trace = MemorySimulator.Run(source, SimulationOptions.Unlimited());
        Assert.Equal(RunOutcome.Rejected, trace.Outcome);
        return trace.Message!;
    }

    [Fact]
    public void Every_node_has_its_line_and_column()
    {
        var module = Parse("x = 1\nif x:\n    y = [x, 2]\n");
        var assign = Assert.IsType<AssignStmt>(module.Body[0]);
        Assert.Equal((1, 1), (assign.Line, assign.Col));
        var ifStmt = Assert.IsType<IfStmt>(module.Body[1]);
        var inner = Assert.IsType<AssignStmt>(ifStmt.Body[0]);
        Assert.Equal((3, 5), (inner.Line, inner.Col));
        var list = Assert.IsType<DisplayExpr>(inner.Value);
        Assert.Equal((3, 9, 3, 15), (list.Line, list.Col, list.EndLine, list.EndCol));
        var name = Assert.IsType<NameExpr>(list.Items[0]);
        Assert.Equal((3, 10), (name.Line, name.Col));
    }

    [Fact]
    public void Comments_blank_lines_and_continuations_are_handled()
    {
        var module = Parse("# comment\n\nx = (1 +\n     2)  # trailing\ny = 3 + \\\n    4\nz = [\n  1,\n  2,\n]\n");
        Assert.Equal(3, module.Body.Length);
        Assert.Equal(7, module.Body[2].Line);
    }

    [Theory]
    [InlineData("async def f():\n    pass\n", "line 1, col 1: 'async def' is not part of the playground's Python subset")]
    [InlineData("x = 1\nwith x:\n    pass\n", "line 2, col 1: 'with' is not part of the playground's Python subset")]
    [InlineData("def f():\n    yield 1\n", "line 2, col 5: 'yield' is not part of the playground's Python subset")]
    [InlineData("import os\n", "line 1, col 8: 'import os' is not part of the playground's Python subset (only gc, sys and weakref can be imported)")]
    [InlineData("from gc import collect\n", "line 1, col 1: 'from ... import' is not part of the playground's Python subset")]
    [InlineData("@dec\ndef f():\n    pass\n", "line 1, col 1: 'decorator' is not part of the playground's Python subset")]
    [InlineData("def f(*args):\n    pass\n", "line 1, col 7: '*args' is not part of the playground's Python subset")]
    [InlineData("assert 1\n", "line 1, col 1: 'assert' is not part of the playground's Python subset")]
    [InlineData("if (n := 3):\n    pass\n", "line 1, col 7: ':=' is not part of the playground's Python subset")]
    [InlineData("x = 1 | 2\n", "line 1, col 7: '|' is not part of the playground's Python subset")]
    [InlineData("d = {k: 1 for k in 'ab'}\n", "line 1, col 11: 'dict comprehension' is not part of the playground's Python subset")]
    [InlineData("g = (x for x in 'ab')\n", "line 1, col 8: 'generator expression' is not part of the playground's Python subset")]
    [InlineData("def f():\n    nonlocal x\n", "line 2, col 5: 'nonlocal' is not part of the playground's Python subset")]
    [InlineData("class C(A, B):\n    pass\n", "line 1, col 10: 'multiple inheritance' is not part of the playground's Python subset")]
    [InlineData("b = b'bytes'\n", "line 1, col 5: 'bytes literal' is not part of the playground's Python subset")]
    [InlineData("a, *b = [1, 2, 3]\n", "line 1, col 4: 'starred expression' is not part of the playground's Python subset")]
    [InlineData("x = [1] @ [2]\n", "line 1, col 9: '@' is not part of the playground's Python subset")]
    [InlineData("x = ~5\n", "line 1, col 5: '~' is not part of the playground's Python subset")]
    [InlineData("print(*[1, 2])\n", "line 1, col 7: '* in a call' is not part of the playground's Python subset")]
    [InlineData("s = {x for x in 'ab'}\n", "line 1, col 8: 'set comprehension' is not part of the playground's Python subset")]
    [InlineData("x = ...\n", "line 1, col 5: '...' is not part of the playground's Python subset")]
    [InlineData("x = 3\nprint(f'{x=}')\n", "line 2, col 7: 'f-string '=' specifier' is not part of the playground's Python subset")]
    [InlineData("x: int = 3\n", "line 1, col 2: 'variable annotation' is not part of the playground's Python subset")]
    [InlineData("try:\n    pass\nexcept* ValueError:\n    pass\n", "line 3, col 7: 'except*' is not part of the playground's Python subset")]
    [InlineData("try:\n    pass\nexcept ValueError as e:\n    raise KeyError() from e\n", "line 4, col 22: 'raise ... from' is not part of the playground's Python subset")]
    [InlineData("import gc as g\n", "line 1, col 11: 'import ... as' is not part of the playground's Python subset")]
    [InlineData("z = 3j\n", "line 1, col 5: 'complex number' is not part of the playground's Python subset")]
    [InlineData("match 3:\n    case 3:\n        pass\n", "line 1, col 1: 'match' is not part of the playground's Python subset")]
    [InlineData("async def f():\n    await g()\n", "line 1, col 1: 'async def' is not part of the playground's Python subset")]
    [InlineData("async for x in y:\n    pass\n", "line 1, col 1: 'async for' is not part of the playground's Python subset")]
    [InlineData("async with x:\n    pass\n", "line 1, col 1: 'async with' is not part of the playground's Python subset")]
    [InlineData("d = {**{}}\n", "line 1, col 6: '** in a dict display' is not part of the playground's Python subset")]
    public void Constructs_outside_the_subset_are_rejected_with_their_place(string source, string message) =>
        Assert.Equal(message, Rejection(source));

    [Theory]
    [InlineData("x = (1, 2\n", "line 1, col 5: '(' was never closed")]
    [InlineData("if x\n    pass\n", "line 1, col 5: expected ':'")]
    [InlineData("def f():\nreturn 1\n", "line 2, col 1: expected an indented block after line 1")]
    [InlineData("x = 1\n    y = 2\n", "line 2, col 1: unexpected indent")]
    [InlineData("s = 'abc\n", "line 1, col 5: unterminated string literal")]
    [InlineData("return 5\n", "line 1, col 1: 'return' outside function")]
    [InlineData("f() = 3\n", "line 1, col 1: cannot assign to function call here. Maybe you meant '==' instead of '='?")]
    [InlineData("x = 1\nif x:\n        y = 1\n    z = 2\n", "line 4, col 5: unindent does not match any outer indentation level")]
    public void Syntax_errors_are_sentences_with_line_and_column(string source, string message) =>
        Assert.Equal(message, Rejection(source));

    [Fact]
    public void Equal_constants_of_one_source_are_one_object_as_in_CPython()
    {
        var trace = MemorySimulator.Run("a = 1000\ndef f():\n    return 1000\nprint(a is f(), 1000 is 999 + 1)\n", SimulationOptions.Unlimited());
        Assert.Equal("True True\n", trace.Stdout);
    }
}
