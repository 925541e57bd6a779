using Playground.Engines.Processes;
using Xunit;

namespace Playground.Tests.Unit.Engines.Processes;

public sealed class RunQueueTests
{
    [Fact]
    public async Task A_run_past_the_concurrency_waits_with_its_place_and_starts_when_a_slot_frees()
    {
        var queue = new RunQueue(1);
        using var first = await queue.EnterAsync("a", null, CancellationToken.None);
        var places = new List<int>();
        var second = queue.EnterAsync("b", places.Add, CancellationToken.None);
        var third = queue.EnterAsync("c", null, CancellationToken.None);

        Assert.False(second.IsCompleted);
        Assert.Equal([1], places);
        Assert.Equal(2, queue.Waiting);
        first.Dispose();
        (await second).Dispose();
        (await third).Dispose();
        Assert.Equal([1, 0], places);
    }

    [Fact]
    public async Task A_session_with_a_run_cannot_start_a_second_one()
    {
        var queue = new RunQueue(4);
        using var first = await queue.EnterAsync("a", null, CancellationToken.None);
        var e = await Assert.ThrowsAsync<SessionBusyException>(() => queue.EnterAsync("a", null, CancellationToken.None));
        Assert.Contains("already has a run", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancelling_a_waiting_run_takes_it_out_of_the_line_and_moves_the_others_up()
    {
        var queue = new RunQueue(1);
        using var first = await queue.EnterAsync("a", null, CancellationToken.None);
        using var cancel = new CancellationTokenSource();
        var leaving = queue.EnterAsync("b", null, cancel.Token);
        var places = new List<int>();
        var staying = queue.EnterAsync("c", places.Add, CancellationToken.None);

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => leaving);
        Assert.Equal([2, 1], places);
        first.Dispose();
        (await staying).Dispose();
        using var again = await queue.EnterAsync("b", null, CancellationToken.None);
    }
}
