using System.Runtime.CompilerServices;
using Microsoft.Extensions.Options;
using Playground.Engines.Memory;
using Playground.Shared.Memory;

namespace Playground.Server.EngineServices;

/// <summary>
/// The memory engine as the pages see it: runs a simulation with the configured limits, at most one per
/// core at a time (it is pure CPU), and hands the trace out in chunks. The hub streams these chunks to
/// the browser; pages still rendered on the server read them directly.
/// </summary>
public sealed class MemoryEngineService(IOptions<SimulationOptions> options, MemoryEngineThrottle throttle) : IMemoryEngineService
{
    /// <summary>Steps per chunk: small enough to show progress, large enough to keep messages few.</summary>
    public const int StepsPerChunk = 2_000;

    public async IAsyncEnumerable<MemoryTraceChunk> SimulateAsync(string source, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        MemoryTrace trace;
        await throttle.Gate.WaitAsync(cancellationToken);
        try
        {
            var run = options.Value;
            trace = await Task.Run(() => MemorySimulator.Run(source ?? string.Empty, Copy(run), cancellationToken), cancellationToken);
        }
        finally
        {
            throttle.Gate.Release();
        }

        foreach (var chunk in MemoryTraceAssembler.Split(trace, StepsPerChunk))
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return chunk;
        }
    }

    private static SimulationOptions Copy(SimulationOptions o) => new()
    {
        MaxSteps = o.MaxSteps,
        MaxObjects = o.MaxObjects,
        MaxObjectBytes = o.MaxObjectBytes,
        MaxSourceLength = o.MaxSourceLength,
        WallTime = o.WallTime,
        RecordTrace = true,
        CheckpointInterval = o.CheckpointInterval,
        FileName = o.FileName,
    };
}

/// <summary>How many simulations may run at once on this server: one per core.</summary>
public sealed class MemoryEngineThrottle : IDisposable
{
    public SemaphoreSlim Gate { get; } = new(Environment.ProcessorCount, Environment.ProcessorCount);

    public void Dispose() => Gate.Dispose();
}
