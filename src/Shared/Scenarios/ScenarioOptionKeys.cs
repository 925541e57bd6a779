namespace Playground.Shared.Scenarios;

/// <summary>
/// The names under which a page's options travel with a shared scenario, so that a link opens the
/// page as it was set when it was shared (the process pages' start method and step mode).
/// </summary>
public static class ScenarioOptionKeys
{
    /// <summary><c>multiprocessing</c>'s start method: fork, spawn or forkserver.</summary>
    public const string StartMethod = "startMethod";

    /// <summary>"true" when the run hands out each process's next operation by hand.</summary>
    public const string StepMode = "stepMode";
}
