using Xunit;
using System.Diagnostics;

namespace Playground.Tests.Unit.Engines.Memory;

/// <summary>Runs a script in the real python3 (the oracle) and returns its stdout, stderr and exit code.</summary>
internal static class PythonOracle
{
    public static async Task<(string Stdout, string Stderr, int ExitCode)> RunAsync(string path)
    {
        var psi = new ProcessStartInfo("python3")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(path)!,
        };
        psi.ArgumentList.Add(Path.GetFileName(path));
        psi.Environment["PYTHONHASHSEED"] = "0";
        psi.Environment["PYTHONIOENCODING"] = "utf-8";
        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(cts.Token);
        return (await stdout, await stderr, process.ExitCode);
    }
}
