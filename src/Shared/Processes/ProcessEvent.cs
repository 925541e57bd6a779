using System.Text.Json;

namespace Playground.Shared.Processes;

/// <summary>
/// One thing a process of a run did, as reported by the instrumentation module over the run's event
/// channel and validated by the server. One record for every kind rather than a class per kind: the
/// kinds mirror multiprocessing's vocabulary (<c>process.start</c>, <c>queue.put</c>, <c>lock.acquired</c>,
/// see <see cref="ProcessEventKinds"/>) and the pages read the few fields each kind carries from
/// <see cref="Data"/> (e.g. <c>exitcode</c>, <c>stream</c>/<c>text</c>, <c>lock</c>, <c>queue</c>, <c>bytes</c>).
/// </summary>
/// <param name="Kind">Dotted kind, e.g. <c>process.exit</c>.</param>
/// <param name="Pid">The process that reported it.</param>
/// <param name="Name">That process's multiprocessing name (<c>MainProcess</c>, <c>Process-1</c>, <c>ForkPoolWorker-2</c>).</param>
/// <param name="Timestamp">time.monotonic() in the process, seconds (one clock for the whole machine).</param>
/// <param name="Sequence">1, 2, 3... per process.</param>
/// <param name="Data">The kind's own fields, as sent (already size-capped).</param>
public sealed record ProcessEvent(
    string Kind,
    int Pid,
    string Name,
    double Timestamp,
    long Sequence,
    IReadOnlyDictionary<string, JsonElement> Data)
{
    /// <summary>A field of <see cref="Data"/> as a string (numbers and booleans as JSON text), or null.</summary>
    public string? Text(string field) =>
        Data is EventFields fields ? fields.Text(field)
        : Data.TryGetValue(field, out var value) && value.ValueKind != JsonValueKind.Null
            ? value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText()
            : null;

    /// <summary>A field of <see cref="Data"/> as an integer, or null.</summary>
    public long? Integer(string field) =>
        Data is EventFields fields ? fields.Integer(field)
        : Data.TryGetValue(field, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var n) ? n : null;

    /// <summary>
    /// When the process began, for a <c>process.run</c> that reports its start-up (<c>startup_ms</c>: a
    /// child's from start() in its parent, the main process's from the kernel's start time); null otherwise.
    /// </summary>
    public double? StartedAt() =>
        Kind == ProcessEventKinds.ProcessRun && StartupMilliseconds() is { } ms && ms > 0
            ? Timestamp - (ms / 1000)
            : null;

    private double? StartupMilliseconds() =>
        Data is EventFields fields ? fields.Number("startup_ms")
        : Data.TryGetValue("startup_ms", out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var ms) ? ms : null;
}
