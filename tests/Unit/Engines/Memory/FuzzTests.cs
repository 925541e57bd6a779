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
}
