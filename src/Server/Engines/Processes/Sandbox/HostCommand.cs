using System.Diagnostics;

namespace Playground.Engines.Processes.Sandbox;

/// <summary>Runs a short host command for capability probes, with a clean environment and a time limit.</summary>
internal static class HostCommand
{
    internal sealed record Result(int ExitCode, string Stdout, string Stderr);

    internal static async Task<Result> RunAsync(string file, IEnumerable<string> arguments, TimeSpan timeout, bool inheritEnvironment, CancellationToken ct)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = "/",
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        if (!inheritEnvironment)
        {
            start.Environment.Clear();
            start.Environment["PATH"] = "/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin";
        }
        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return new Result(-1, "", e.Message);
        }
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
            ct.ThrowIfCancellationRequested();
            return new Result(-1, "", $"{file} did not finish within {timeout.TotalSeconds} s");
        }
        return new Result(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>The full path of a program on the standard PATH, or null.</summary>
    internal static string? Which(string name)
    {
        if (name.Contains('/'))
            return File.Exists(name) ? name : null;
        foreach (var dir in new[] { "/usr/local/bin", "/usr/bin", "/bin", "/usr/local/sbin", "/usr/sbin", "/sbin" })
        {
            var path = Path.Combine(dir, name);
            if (File.Exists(path))
                return path;
        }
        return null;
    }
}
