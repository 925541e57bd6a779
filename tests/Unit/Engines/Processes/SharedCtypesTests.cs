using Playground.Engines.Processes;
using Playground.Shared.Processes;
using Xunit;

namespace Playground.Tests.Unit.Engines.Processes;

/// <summary>RawValue, RawArray and shared_memory.SharedMemory reported like Value and Array, with real python3.</summary>
public sealed class SharedCtypesTests(ProcessRunnerFixture fixture) : IClassFixture<ProcessRunnerFixture>
{
    private const string Source = """
        from multiprocessing import Process, RawArray, RawValue, Value
        from multiprocessing import shared_memory

        def work(v, a):
            v.value += 5
            a[1] = 7

        if __name__ == "__main__":
            v = RawValue("i", 1)
            a = RawArray("d", 3)
            p = Process(target=work, args=(v, a))
            p.start()
            p.join()
            print(v.value, list(a))
            block = shared_memory.SharedMemory(create=True, size=16)
            other = shared_memory.SharedMemory(name=block.name)
            other.close()
            block.close()
            block.unlink()
            locked = Value("i", 3)
            locked.value = 4
        """;

    [Theory]
    [InlineData("fork")]
    [InlineData("spawn")]
    public async Task Raw_values_and_arrays_report_reads_and_writes_under_one_name_in_every_process(string method)
    {
        var (events, result) = await fixture.RunAsync(new ProcessRunRequest(Source, StartMethod: method));

        Assert.Equal(RunEnding.Finished, result.Ending);
        Assert.Contains(events, e => e.Kind == ProcessEventKinds.Output && e.Text("text") == "6 [0.0, 7.0, 0.0]");
        var valueOps = events.OrderBy(e => e.Timestamp).Where(e => e.Kind is ProcessEventKinds.ValueRead or ProcessEventKinds.ValueWrite && e.Text("raw") == "true").ToList();
        Assert.Equal([("Process-1", "value.read", 1L), ("Process-1", "value.write", 6L), ("MainProcess", "value.read", 6L)],
            valueOps.Select(e => (e.Name, e.Kind, e.Integer("value")!.Value)));
        Assert.Single(valueOps.Select(e => e.Text("target")).Distinct());
        Assert.StartsWith("RawValue-", valueOps[0].Text("target"), StringComparison.Ordinal);
        var arrayWrite = Assert.Single(events, e => e.Kind == ProcessEventKinds.ArrayWrite);
        Assert.Equal(1, arrayWrite.Integer("index"));
        Assert.Equal(3, events.Count(e => e.Kind == ProcessEventKinds.ArrayRead && e.Text("target") == arrayWrite.Text("target")));
        // a locked Value's write is one event, not one from Synchronized and one from the raw object inside
        Assert.Single(events, e => e.Kind == ProcessEventKinds.ValueWrite && e.Integer("value") == 4);
    }

    [Fact]
    public async Task Shared_memory_blocks_report_create_attach_close_and_unlink()
    {
        var (events, _) = await fixture.RunAsync(new ProcessRunRequest(Source));

        var blocks = events.Where(e => e.Kind.StartsWith("shared_memory.", StringComparison.Ordinal)).ToList();
        Assert.Equal([ProcessEventKinds.SharedMemoryCreate, ProcessEventKinds.SharedMemoryAttach, ProcessEventKinds.SharedMemoryClose,
            ProcessEventKinds.SharedMemoryClose, ProcessEventKinds.SharedMemoryUnlink], blocks.Select(e => e.Kind));
        Assert.Single(blocks.Select(e => e.Text("shm")).Distinct());
        Assert.Equal(16, blocks[0].Integer("size"));
    }
}
