namespace Playground.Shared.Hub;

/// <summary>How long either side of the hub waits in silence before it calls the other gone.</summary>
public static class HubTimeouts
{
    /// <summary>
    /// SignalR's default is 30 s. A browser folding a 100,000-step trace in WebAssembly sends no ping
    /// while it works, so a busy page would lose its connection (and its next run) although nothing failed.
    /// </summary>
    public static readonly TimeSpan Silence = TimeSpan.FromMinutes(2);
}
