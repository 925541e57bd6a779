using Playground.Engines.Processes;
using Playground.Shared.Processes;
using Xunit;
using Xunit.Abstractions;

namespace Playground.Tests.Unit.Engines.Processes;

/// <summary>
/// The deadlock detector against real python3: waits that end by themselves (a timeout, another thread)
/// are not deadlocks; a real one is found with every waiter and every holder in its wait-for graph.
/// </summary>
public sealed class DeadlockDetectionTests(ProcessRunnerFixture fixture, ITestOutputHelper output) : IClassFixture<ProcessRunnerFixture>
{
    private async Task<(List<ProcessEvent> Events, RunResult Result)> Run(string source)
    {
        var (events, result) = await fixture.RunAsync(new ProcessRunRequest(source));
        output.WriteLine(result.Summary);
        return (events, result);
    }

    [Fact]
    public async Task A_parent_in_join_with_a_timeout_and_a_child_in_get_with_a_timeout_finish_normally()
    {
        // silent for 1.5 s, past the 1 s threshold, with every process waiting: but each wait has a timeout
        const string source = """
            import queue
            from multiprocessing import Process, Queue

            def child(q):
                try:
                    q.get(timeout=1.5)
                except queue.Empty:
                    print("child: nothing came")

            if __name__ == "__main__":
                q = Queue()
                p = Process(target=child, args=(q,))
                p.start()
                p.join(timeout=30)
                print("parent: joined", p.exitcode)
            """;
        var (events, result) = await Run(source);

        Assert.Equal(RunEnding.Finished, result.Ending);
        Assert.Null(result.Deadlock);
        Assert.Equal(0, result.ExitCode);
        // the child and the parent write through pipes of their own, read side by side, so their lines arrive
        // in no set order: the timestamps say which came first
        var lines = events.Where(e => e.Kind == ProcessEventKinds.Output).OrderBy(e => e.Timestamp).Select(e => e.Text("text")).ToList();
        Assert.Equal(["child: nothing came", "parent: joined 0"], lines);
    }

    [Fact]
    public async Task A_main_thread_waiting_for_an_event_a_second_thread_will_set_is_not_a_deadlock()
    {
        const string source = """
            import threading, time
            from multiprocessing import Event, Value

            go, seen = Event(), Value("i", 0)
            reported = threading.Event()

            def setter():
                seen.value = 1
                reported.set()
                time.sleep(1.5)
                go.set()

            t = threading.Thread(target=setter)
            t.start()
            reported.wait()
            print("woken", go.wait())
            t.join()
            """;
        var (events, result) = await Run(source);

        Assert.Equal(RunEnding.Finished, result.Ending);
        Assert.Contains(events, e => e.Kind == ProcessEventKinds.Output && e.Text("text") == "woken True");
        var set = Assert.Single(events, e => e.Kind == ProcessEventKinds.EventSet);
        Assert.NotNull(set.Integer("thread"));
        Assert.Null(Assert.Single(events, e => e.Kind == ProcessEventKinds.EventWaitBegun).Integer("thread"));
        Assert.Contains(events, e => e.Kind == ProcessEventKinds.ThreadExit && e.Integer("thread") == set.Integer("thread"));
    }

    [Fact]
    public async Task A_deadlock_graph_names_both_holders_of_a_semaphore_and_the_holder_of_an_rlock_released_once_of_twice()
    {
        // w1 holds the RLock (taken twice, released once) and waits for B; w2 holds B and waits for the
        // RLock; w3 waits for the Semaphore(2) that w1 and w2 hold
        const string source = """
            from multiprocessing import Barrier, Lock, Process, RLock, Semaphore

            def w1(sem, r, b, ready):
                sem.acquire()
                r.acquire(); r.acquire(); r.release()
                ready.wait()
                b.acquire()

            def w2(sem, r, b, ready):
                sem.acquire()
                b.acquire()
                ready.wait()
                r.acquire()

            def w3(sem, r, b, ready):
                ready.wait()
                sem.acquire()

            if __name__ == "__main__":
                args = (Semaphore(2), RLock(), Lock(), Barrier(3))
                workers = [Process(target=f, args=args, name=f.__name__) for f in (w1, w2, w3)]
                for p in workers:
                    p.start()
                for p in workers:
                    p.join()
            """;
        var (events, result) = await Run(source);

        Assert.Equal(RunEnding.Deadlock, result.Ending);
        var waits = Assert.IsType<WaitForGraph>(result.Deadlock).Edges
            .Where(e => e.WaitKind == ProcessEventKinds.LockRequested)
            .Select(e => (e.WaiterName, Type: e.Resource.Split('-')[0], e.HolderName))
            .Order().ToList();
        Assert.Equal(
        [
            ("w1", "Lock", "w2"),
            ("w2", "RLock", "w1"),
            ("w3", "Semaphore", "w1"),
            ("w3", "Semaphore", "w2"),
        ], waits);
        Assert.Single(result.Deadlock!.Edges, e => e.WaiterName == "MainProcess" && e.WaitKind == ProcessEventKinds.ProcessJoinBegun);
        Assert.DoesNotContain(events, e => e.Kind == ProcessEventKinds.ProcessExit && e.Name.StartsWith('w'));
    }
}
