using System.Globalization;
using Playground.Shared.Processes;

namespace Playground.Client.Components.Processes.Summary;

/// <summary>
/// The table at the end of a run: per process its exit code (multiprocessing's Process.exitcode: 0, the
/// code given to sys.exit, or -N after signal N), the CPU time it used (os.times() at exit, user + system)
/// and how long it lived (from its start to its exit, on the machine's monotonic clock). Its start is
/// its first event less the start-up it reports with <c>process.run</c> (<c>startup_ms</c>: a child's
/// from start() in its parent, the main process's from the kernel's start time), as its timeline lane
/// begins: from its first event alone, a spawned worker that took 40 ms of CPU to start lived 2 ms.
/// </summary>
public sealed class ProcessSummary
{
    private readonly Dictionary<int, ProcessSummaryRow> _rows = [];
    private readonly StartCalls _startCalls = new();

    /// <summary>The processes in the order they were started, as the timeline's lanes stand (<see cref="StartCalls"/>).</summary>
    public IEnumerable<ProcessSummaryRow> Rows => _rows.Values.OrderBy(r => _startCalls.Order(r.Pid, r.FirstSeen));

    public void Apply(ProcessEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        _startCalls.Note(e);
        if (!_rows.TryGetValue(e.Pid, out var row))
        {
            _rows[e.Pid] = row = new ProcessSummaryRow(e.Pid, e.Name, e.Timestamp);
        }

        row.Name = e.Name;
        row.FirstSeen = Math.Min(row.FirstSeen, e.StartedAt() ?? e.Timestamp);

        if (e.Kind == ProcessEventKinds.ProcessExit)
        {
            row.Exited = true;
            row.ExitedAt = e.Timestamp;
            row.ExitCode = (int?)e.Integer("exitcode");
            row.CpuSeconds = double.TryParse(e.Text("cpu_s"), NumberStyles.Float, CultureInfo.InvariantCulture, out var cpu) ? cpu : null;
            row.Duration = Math.Max(0, e.Timestamp - row.FirstSeen);
        }
    }
}

/// <summary>One process of the summary table.</summary>
public sealed class ProcessSummaryRow(int pid, string name, double firstSeen)
{
    public int Pid { get; } = pid;

    public string Name { get; set; } = name;

    public double FirstSeen { get; set; } = firstSeen;

    public bool Exited { get; set; }

    public double? ExitedAt { get; set; }

    public bool ExitedBy(double time) => ExitedAt is { } at && at <= time;

    public int? ExitCode { get; set; }

    public double? CpuSeconds { get; set; }

    public double? Duration { get; set; }
}
