using Playground.Engines.Processes;
using Playground.Shared.Processes;
using Xunit;
using Xunit.Abstractions;

namespace Playground.Tests.Unit.Engines.Processes;

/// <summary>
/// The names the events give to what the student made (playground_instrument/names.py), by real python3
/// under each start method: the name their code binds it to, the same in the parent and every child.
/// </summary>
public sealed class ResourceNamesTests(ProcessRunnerFixture fixture, ITestOutputHelper output) : IClassFixture<ProcessRunnerFixture>
{
    private const string Source = """
        from multiprocessing import Event, Lock, Pipe, Process, Queue, Value
        import multiprocessing as mp

        def make():
            m = Lock()
            return m

        def work(a, b, locks, anonymous, m1, m2, q, here, counter, ready, sem):
            with a, b, anonymous, m1, m2, sem:
                for lock in locks:
                    with lock:
                        pass
                q.put(1)
                here.send(2)
                counter.value += 1
                ready.set()

        if __name__ == "__main__":
            a, b = Lock(), Lock()
            locks = [Lock() for _ in range(2)]
            m1, m2 = make(), make()
            q = Queue()
            here, there = Pipe()
            counter: Value = Value("i", 0)
            ready = Event()
            sem = mp.get_context().Semaphore(1)
            p = Process(target=work, args=(a, b, locks, Lock(), m1, m2, q, here, counter, ready,
                                           sem))
            p.start()
            print(q.get(), there.recv(), ready.wait())
            p.join()
            print(counter.value)
        """;

    [Theory]
    [InlineData("fork")]
    [InlineData("spawn")]
    [InlineData("forkserver")]
    public async Task Each_primitive_is_named_by_what_the_script_binds_it_to_in_the_parent_and_in_the_child(string method)
    {
        var (events, result) = await fixture.RunAsync(new ProcessRunRequest(Source, StartMethod: method));
        output.WriteLine(result.Summary);
        Assert.Equal(RunEnding.Finished, result.Ending);

        var child = events.Single(e => e.Kind == ProcessEventKinds.ProcessRun && e.Name == "Process-1").Pid;
        // a tuple bound element by element; a comprehension's elements in order; the same name made twice;
        // a lock passed straight to Process() by the line that made it
        Assert.Equal(["Lock-a", "Lock-b", "Lock-line 27", "Lock-locks[0]", "Lock-locks[1]", "Lock-m", "Lock-m#2", "Semaphore-sem"],
            Names(events, "lock", child));
        Assert.Equal(["Queue-q"], Names(events, "queue"));
        Assert.Equal(["Queue-q"], Names(events, "queue", child));
        Assert.Equal(["Pipe-here↔there"], Names(events, "pipe"));
        Assert.Equal(["Value-counter"], Names(events.Where(e => e.Kind.StartsWith("value.", StringComparison.Ordinal)).ToList(), "target"));
        Assert.Equal(["Event-ready"], Names(events, "event"));
        Assert.Contains(events, e => e.Kind == ProcessEventKinds.Output && e.Text("text") == "1");
    }

    [Fact]
    public async Task A_lock_made_at_the_top_of_the_script_is_a_new_lock_in_each_spawn_child_and_its_name_says_whose()
    {
        // the classic spawn mistake: the child imports the script again and makes a lock of its own
        const string source = """
            from multiprocessing import Lock, Process

            lock = Lock()

            def work():
                with lock:
                    pass

            if __name__ == "__main__":
                workers = [Process(target=work) for _ in range(2)]
                for p in workers:
                    p.start()
                for p in workers:
                    p.join()
                with lock:
                    pass
            """;
        var (events, result) = await fixture.RunAsync(new ProcessRunRequest(source, StartMethod: "spawn"));
        output.WriteLine(result.Summary);
        Assert.Equal(RunEnding.Finished, result.Ending);

        var main = events.First(e => e.Kind == ProcessEventKinds.ProcessRun && e.Name == "MainProcess").Pid;
        Assert.Equal(["Lock-lock"], Names(events, "lock", main));
        var workers = events.Where(e => e.Kind == ProcessEventKinds.ProcessRun && e.Name != "MainProcess").Select(e => e.Pid).ToList();
        Assert.Equal(2, workers.Count);
        Assert.All(workers, pid => Assert.Equal([$"Lock-lock (pid {pid})"], Names(events, "lock", pid)));
    }

    private static List<string> Names(List<ProcessEvent> events, string field, int? pid = null) =>
        [.. events.Where(e => pid is null || e.Pid == pid).Select(e => e.Text(field)).OfType<string>().Distinct().Order(StringComparer.Ordinal)];
}
