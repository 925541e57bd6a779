using Playground.Engines.Memory;
using Playground.Shared.Memory;
using Xunit;

namespace Playground.Tests.Unit.Engines.Memory.Syntax;

/// <summary>CPython's builtins and module functions the subset leaves out are refused before the program runs, at their place.</summary>
public sealed class SubsetNamesTests
{
    [Theory]
    [InlineData("f = open('x')\n", "line 1, col 5: 'open' is not part of the playground's Python subset")]
    [InlineData("x = 1\nname = input('?')\n", "line 2, col 8: 'input' is not part of the playground's Python subset")]
    [InlineData("print(round(2.5))\n", "line 1, col 7: 'round' is not part of the playground's Python subset")]
    [InlineData("class A:\n    def __init__(self):\n        super().__init__()\n", "line 3, col 9: 'super' is not part of the playground's Python subset")]
    [InlineData("try:\n    pass\nexcept OSError:\n    pass\n", "line 3, col 8: 'OSError' is not part of the playground's Python subset")]
    [InlineData("def f(xs):\n    return [chr(x) for x in xs]\n", "line 2, col 13: 'chr' is not part of the playground's Python subset")]
    [InlineData("import sys\nprint('bye')\nsys.exit(0)\n", "line 3, col 1: 'sys.exit' is not part of the playground's Python subset")]
    [InlineData("import gc\nprint(gc.get_objects())\n", "line 2, col 7: 'gc.get_objects' is not part of the playground's Python subset")]
    public void A_name_CPython_has_and_the_subset_does_not_is_refused_before_anything_runs(string source, string message)
    {
        var trace = MemorySimulator.Run(source, SimulationOptions.Unlimited());

        Assert.Equal(RunOutcome.Rejected, trace.Outcome);
        Assert.Equal(message, trace.Message);
        Assert.Equal(string.Empty, trace.Stdout);
    }

    [Theory]
    [InlineData("def open(p):\n    return p\nprint(open(3))\n", "3\n")]
    [InlineData("round = len\nprint(round('abc'))\n", "3\n")]
    [InlineData("for input in [1, 2]:\n    pass\nprint(input)\n", "2\n")]
    [InlineData("import gc, sys\nprint(gc.isenabled(), sys.getrefcount(None) > 1)\n", "True True\n")]
    public void Names_the_program_binds_itself_and_the_subsets_own_functions_run(string source, string stdout)
    {
        var trace = MemorySimulator.Run(source, SimulationOptions.Unlimited());

        Assert.Equal(RunOutcome.Completed, trace.Outcome);
        Assert.Equal(stdout, trace.Stdout);
    }

    [Fact]
    public void A_name_CPython_does_not_know_is_left_to_raise_NameError_as_in_CPython()
    {
        var trace = MemorySimulator.Run("print(1)\nprint(undefined_thing)\n", SimulationOptions.Unlimited());

        Assert.Equal(RunOutcome.UncaughtException, trace.Outcome);
        Assert.Equal("NameError: name 'undefined_thing' is not defined", trace.Message);
        Assert.Equal("1\n", trace.Stdout);
    }
}
