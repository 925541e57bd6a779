using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Playground.Benchmarks.PageProbe;

/// <summary>The published server on a loopback port, as a student's browser would reach it, with its resident memory readable.</summary>
public sealed partial class PublishedServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _data;

    private PublishedServer(Process process, string data, Uri address)
    {
        _process = process;
        _data = data;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<PublishedServer> StartAsync(string publishDirectory, IReadOnlyDictionary<string, string> settings)
    {
        var dll = Path.Combine(publishDirectory, "Playground.Server.dll");
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"{dll} does not exist: run `dotnet publish src/Server -c Release -o artifacts/publish` first.");
        }

        var data = Directory.CreateTempSubdirectory("playground-bench-").FullName;
        var (file, arguments) = SplitCpus.Server("dotnet", [dll, "--urls", "http://127.0.0.1:0"]);
        var start = new ProcessStartInfo(file, arguments)
        {
            WorkingDirectory = publishDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["Playground__DataDirectory"] = data;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (name, value) in settings)
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet could not be started.");
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null && Listening().Match(e.Data) is { Success: true } m)
            {
                listening.TrySetResult(new Uri(m.Groups[1].Value));
            }
        };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (await Task.WhenAny(listening.Task, Task.Delay(TimeSpan.FromSeconds(60))) != listening.Task)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException("The server did not say where it listens within 60 s.");
        }

        return new PublishedServer(process, data, await listening.Task);
    }

    /// <summary>The server process's resident set (VmRSS in /proc), in MiB; the run's python3 processes are not in it.</summary>
    public double ResidentMiB()
    {
        foreach (var line in File.ReadLines($"/proc/{_process.Id}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                return double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
            }
        }

        return double.NaN;
    }

    /// <summary>The CPU time the server process has used so far (its threads, not the run's python3 processes).</summary>
    public TimeSpan CpuTime()
    {
        _process.Refresh();
        return _process.TotalProcessorTime;
    }

    public async ValueTask DisposeAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
        Directory.Delete(_data, recursive: true);
    }

    [GeneratedRegex(@"Now listening on: (http://\S+)")]
    private static partial Regex Listening();
}
