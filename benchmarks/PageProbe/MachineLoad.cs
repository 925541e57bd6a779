using System.Diagnostics;
using System.Globalization;

namespace Playground.Benchmarks.PageProbe;

/// <summary>
/// How busy the machine's cores were, second by second, from /proc/stat's first line (the time all cores
/// spent in each state): a long frame in a second when every core was busy is the browser waiting for
/// one, which on a student's machine (the server elsewhere) it would not.
/// </summary>
public sealed class MachineLoad : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task<List<double>> _sampling;

    private MachineLoad() => _sampling = SampleAsync(_stop.Token);

    /// <summary>Starts sampling; null where there is no /proc/stat.</summary>
    public static MachineLoad? Start() => File.Exists("/proc/stat") ? new MachineLoad() : null;

    /// <summary>Stops and gives each whole second's busy share of all cores, 0 to 1, in order.</summary>
    public async Task<IReadOnlyList<double>> StopAsync()
    {
        await _stop.CancelAsync();
        return await _sampling;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _sampling;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    /// <summary>"100% 92% 40%": the shares as whole percentages.</summary>
    public static string Describe(IReadOnlyList<double> seconds) =>
        seconds.Count == 0 ? "-" : string.Join(" ", seconds.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s * 100:0}%")));

    private static async Task<List<double>> SampleAsync(CancellationToken cancel)
    {
        var shares = new List<double>();
        var watch = Stopwatch.StartNew();
        var (busy, total) = Read();
        while (!cancel.IsCancellationRequested)
        {
            var next = TimeSpan.FromSeconds(shares.Count + 1) - watch.Elapsed;
            try
            {
                if (next > TimeSpan.Zero)
                {
                    await Task.Delay(next, cancel);
                }
            }
            catch (OperationCanceledException)
            {
                break;
            }

            var (b, t) = Read();
            shares.Add(t > total ? (double)(b - busy) / (t - total) : 0);
            (busy, total) = (b, t);
        }

        return shares;
    }

    /// <summary>Jiffies busy and in all, summed over the cores: idle and iowait are not busy.</summary>
    private static (long Busy, long Total) Read()
    {
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
        var total = fields.Take(8).Sum();
        var idle = fields[3] + fields[4];
        return (total - idle, total);
    }
}
