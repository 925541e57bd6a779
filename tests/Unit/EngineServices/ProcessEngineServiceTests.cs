using System.Threading.Channels;
using Microsoft.Extensions.Options;
using Playground.Engines.Processes;
using Playground.Engines.Processes.Sandbox;
using Playground.Server.EngineServices;
using Playground.Shared.Processes;
using Xunit;

namespace Playground.Tests.Unit.EngineServices;

/// <summary>The process engine as the pages use it: real python3 in the sandbox, batched, queued.</summary>
public sealed class ProcessEngineServiceTests
{
    private readonly ProcessEngineHost _host = new(
        Options.Create(new SandboxLimits { WallTime = TimeSpan.FromSeconds(30) }),
        Options.Create(new ProcessRunOptions { MaxConcurrentRuns = 1 }));

    private static async Task<List<ProcessRunUpdate>> CollectAsync(IAsyncEnumerable<ProcessRunUpdate> updates)
    {
        var all = new List<ProcessRunUpdate>();
        await foreach (var update in updates)
        {
            all.Add(update);
        }

        return all;
    }

    [Fact]
    public async Task A_run_past_the_limit_waits_in_line_and_is_told_its_place_then_runs_once_the_slot_is_free()
    {
        var first = new ProcessEngineService(_host) { SessionKey = "tab-1" };
        var second = new ProcessEngineService(_host) { SessionKey = "tab-2" };

        // The first run holds the only slot (from its first event; here, from its print on) until it is
        // stopped (its tab closed), which happens only once the second has been told its place: no sleep
        // decides the order.
        using var stopFirst = new CancellationTokenSource();
        await using var firstRun = first.RunAsync("import time\nprint('first')\ntime.sleep(60)\n", null, stopFirst.Token).GetAsyncEnumerator();
        var done = new List<ProcessRunUpdate>();
        while (await firstRun.MoveNextAsync())
        {
            done.Add(firstRun.Current);
            if (firstRun.Current.Events.Any(e => e.Kind == ProcessEventKinds.Output && e.Text("text") == "first"))
            {
                break;
            }
        }

        await using var secondRun = second.RunAsync("print('second')\n", null).GetAsyncEnumerator();
        Assert.True(await secondRun.MoveNextAsync());
        var waiting = new List<ProcessRunUpdate> { secondRun.Current };
        Assert.Equal(1, waiting[0].QueuePlace);
        Assert.Empty(waiting[0].Events);

        await stopFirst.CancelAsync();
        while (await firstRun.MoveNextAsync())
        {
            done.Add(firstRun.Current);
        }

        while (await secondRun.MoveNextAsync())
        {
            waiting.Add(secondRun.Current);
        }

        Assert.Equal(RunEnding.Finished, waiting[^1].Result!.Ending);
        Assert.Contains(waiting.SelectMany(u => u.Events), e => e.Kind == ProcessEventKinds.Output && e.Text("text") == "second");
        Assert.Equal(RunEnding.KilledByUser, done[^1].Result!.Ending);
        Assert.Contains(done.SelectMany(u => u.Events), e => e.Kind == ProcessEventKinds.Output && e.Text("text") == "first");
        Assert.All(done, u => Assert.Null(u.QueuePlace));
    }

    [Fact]
    public async Task A_tab_with_a_run_cannot_start_a_second_and_is_told_why()
    {
        var tab = new ProcessEngineService(_host) { SessionKey = "tab-3" };
        await using var running = tab.RunAsync("import time\ntime.sleep(1)\n", null).GetAsyncEnumerator();
        Assert.True(await running.MoveNextAsync());

        var refused = await Assert.ThrowsAsync<SessionBusyException>(() => CollectAsync(tab.RunAsync("print(1)\n", null)));

        Assert.Equal("This session already has a run; stop it before starting another.", refused.Message);
        while (await running.MoveNextAsync())
        {
        }
    }

    [Fact]
    public async Task A_page_that_asks_for_events_gets_no_more_than_it_asked_for_and_all_of_them_once_it_has_gone()
    {
        var tab = new ProcessEngineService(_host) { SessionKey = "tab-4" };
        var wanted = Channel.CreateUnbounded<int>();
        wanted.Writer.TryWrite(30);
        await using var run = tab.RunAsync("for i in range(400):\n    print(i, flush=True)\n", null, wanted.Reader).GetAsyncEnumerator();
        var updates = new List<ProcessRunUpdate>();
        var received = 0;

        // Reads updates until `count` events have come, then shows that no more come while the page asks for none.
        async Task<Task<bool>> ReadUntilAsync(int count)
        {
            while (received < count)
            {
                Assert.True(await run.MoveNextAsync());
                updates.Add(run.Current);
                received += run.Current.Events.Count;
            }

            var next = run.MoveNextAsync().AsTask();
            Assert.NotSame(next, await Task.WhenAny(next, Task.Delay(TimeSpan.FromSeconds(1))));
            return next;
        }

        var pending = await ReadUntilAsync(30);
        Assert.Equal(30, received);
        wanted.Writer.TryWrite(70);
        Assert.True(await pending);
        updates.Add(run.Current);
        received += run.Current.Events.Count;
        pending = await ReadUntilAsync(100);
        Assert.Equal(100, received);

        // the page has gone: the rest of the run comes without asking, to its end
        wanted.Writer.TryComplete();
        var more = await pending;
        while (more)
        {
            updates.Add(run.Current);
            more = await run.MoveNextAsync();
        }

        Assert.Equal(RunEnding.Finished, updates[^1].Result!.Ending);
        Assert.Equal(400, updates.SelectMany(u => u.Events).Count(e => e.Kind == ProcessEventKinds.Output));
        Assert.All(updates, u => Assert.True(u.Events.Count <= ProcessEngineService.MaxBatch));
    }
}
