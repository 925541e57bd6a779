using System.Diagnostics;
using Xunit;
using Playground.Engines.Memory;
using Playground.Shared.Memory;

namespace Playground.Tests.Unit.Engines.Memory;

/// <summary>Random and truncated programs never crash the engine and never run past its limits.</summary>
public sealed class FuzzTests
{
    private static readonly string[] Corpus = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Engines", "Memory", "Corpus"), "*.py")
        .Order(StringComparer.Ordinal).Select(File.ReadAllText).ToArray();

    [Fact]
    public void Truncated_and_mutated_scenarios_end_with_an_outcome_not_a_crash()
    {
        var random = new Random(311);
        const string alphabet = "()[]{}:=+-*/%.,'\"\n    #\\abcxyz0123456789 if for while def class return del lambda";
        for (var i = 0; i < 400; i++)
        {
            var source = Corpus[random.Next(Corpus.Length)];
            source = source[..random.Next(source.Length + 1)];
            var chars = source.ToCharArray().ToList();
            for (var m = random.Next(4); m > 0 && chars.Count > 0; m--)
            {
                chars[random.Next(chars.Count)] = alphabet[random.Next(alphabet.Length)];
            }

            var options = new SimulationOptions { MaxSteps = 5000, MaxObjects = 5000, WallTime = TimeSpan.FromSeconds(2), CheckpointInterval = 50 };
            var trace = MemorySimulator.Run(new string([.. chars]), options);

            Assert.True(Enum.IsDefined(trace.Outcome));
            Assert.True(trace.Steps.Count <= 5000);
            if (trace.Outcome == RunOutcome.Rejected)
            {
                Assert.Matches(@"^line \d+, col \d+: ", trace.Message);
            }
        }
    }

    [Fact]
    public void Random_token_soup_is_rejected_or_run_never_crashing()
    {
        var random = new Random(42);
        string[] tokens = ["x", "=", "1", "(", ")", "[", "]", ":", "\n", "    ", "if", "else", "for", "in", "print", "'s'", "+", ",", "lambda", "def", "f", "return", "del", "import", "gc", "."];
        for (var i = 0; i < 500; i++)
        {
            var source = string.Join(" ", Enumerable.Range(0, random.Next(1, 30)).Select(_ => tokens[random.Next(tokens.Length)]));
            var trace = MemorySimulator.Run(source, new SimulationOptions { MaxSteps = 2000, WallTime = TimeSpan.FromSeconds(2) });
            Assert.True(trace.Steps.Count <= 2000);
        }
    }

    // Each stays inside one line (a comprehension, a builtin's loop, one big object), where the per-line
    // check never runs, or hands a builtin an argument of the wrong type.
    public static TheoryData<string> HugeWorkInOneStep() =>
    [
        "x = [0 for i in range(10**9)]\n",
        "x = [[j for j in range(10**5)] for i in range(10**5)]\n",
        "x = list(range(10**9))\n",
        "print(sum(range(10**9)))\n",
        "x = sorted(range(10**9))\n",
        "x = [0] * 10**9\n",
        "x = 'a' * 10**9\n",
        "x = (0,) * 10**9\n",
        "x = [[]] * 10**7\n",
        "x = (10**100000)**100000\n",
        "x = 'ab' * 2**40\n",
        "keep = []\nwhile True:\n    keep.append([0] * 10**6)\n",
        "s = 'ab'\nwhile True:\n    s = s * 2\n",
    ];

    public static TheoryData<string> BadArgumentTypes() =>
    [
        "hasattr(1, 1)\n",
        "class X:\n    pass\nsetattr(X(), 1, 2)\n",
        "enumerate([1], 'a')\n",
        "import gc\ngc.collect('x')\n",
        "import gc\ngc.collect(10**30)\n",
        "import gc\ngc.set_threshold('a')\n",
        "import gc\ngc.set_threshold(10**30)\n",
        "'a'.startswith(1)\n",
        "'a'.strip(5)\n",
        "'a'.replace(1, 2)\n",
        "'{}'.format()\n",
        "str.upper(1)\n",
        "'ab' * 10**20\n",
        "[1].pop(10**30)\n",
    ];

    // The wall-time limit is looked at between units of work; the margin covers the last unit, recording
    // the trace of a step that holds a million references, and a machine shared by several builds.
    private static readonly TimeSpan WallTime = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Margin = TimeSpan.FromSeconds(5);

    [Theory]
    [MemberData(nameof(HugeWorkInOneStep))]
    public void Huge_work_inside_one_step_stops_at_a_limit_within_the_wall_time(string source)
    {
        var options = new SimulationOptions { WallTime = WallTime };
        var clock = Stopwatch.StartNew();
        var trace = MemorySimulator.Run(source, options);

        Assert.True(clock.Elapsed < WallTime + Margin, $"ran {clock.Elapsed.TotalSeconds:0.0} s");
        Assert.Contains(trace.Outcome, new[] { RunOutcome.StepLimit, RunOutcome.ObjectLimit, RunOutcome.TimeLimit });
        Assert.Matches(@"^line \d+: the program ", trace.Message);
        Assert.NotEmpty(trace.Steps);
    }

    [Theory]
    [MemberData(nameof(BadArgumentTypes))]
    public void A_bad_argument_type_raises_a_Python_exception_not_a_crash(string source)
    {
        var options = new SimulationOptions { WallTime = WallTime };
        var clock = Stopwatch.StartNew();
        var trace = MemorySimulator.Run(source, options);

        Assert.True(clock.Elapsed < WallTime + Margin, $"ran {clock.Elapsed.TotalSeconds:0.0} s");
        Assert.Equal(RunOutcome.UncaughtException, trace.Outcome);
        Assert.Matches("^(TypeError|OverflowError|MemoryError|IndexError)(: .+)?$", trace.Message);
    }
}
