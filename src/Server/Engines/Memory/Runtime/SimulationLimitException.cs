using Playground.Shared.Memory;

namespace Playground.Engines.Memory.Runtime;

/// <summary>A limit of <see cref="SimulationOptions"/> was reached; the run stops and keeps its partial trace.</summary>
internal sealed class SimulationLimitException(RunOutcome outcome, string message) : Exception(message)
{
    public RunOutcome Outcome { get; } = outcome;

    public SimulationLimitException()
        : this(RunOutcome.StepLimit, "limit")
    {
    }

    public SimulationLimitException(string message)
        : this(RunOutcome.StepLimit, message)
    {
    }

    public SimulationLimitException(string message, Exception inner)
        : this(RunOutcome.StepLimit, message) => _ = inner;
}
