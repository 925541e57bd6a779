using Playground.Shared.Processes;
using Xunit;

namespace Playground.Tests.Unit.Engines.Processes;

/// <summary>The wait-for graph of two_lock_deadlock.py: each worker waits for the lock the other holds.</summary>
internal static class TwoLockCycle
{
    public static void AssertIn(WaitForGraph? graph)
    {
        var workers = Assert.IsType<WaitForGraph>(graph).Edges.Where(e => e.WaitKind == ProcessEventKinds.LockRequested).ToList();
        Assert.Equal(2, workers.Count);
        Assert.Equal(workers[0].Waiter, workers[1].Holder);
        Assert.Equal(workers[1].Waiter, workers[0].Holder);
        Assert.NotEqual(workers[0].Resource, workers[1].Resource);
    }
}
