using System.Diagnostics;

namespace Playground.Server.Hosting;

/// <summary>
/// The python3 on this machine, found once: the process engine runs it and the memory engine's tests
/// use it as their oracle. Its version is shown in the footer.
/// </summary>
public sealed class PythonRuntime
{
    private readonly Lazy<Task<string?>> _version;

    public PythonRuntime(string executable = "python3")
    {
        Executable = executable;
        _version = new Lazy<Task<string?>>(ProbeVersionAsync);
    }

    public string Executable { get; }

    /// <summary>"3.11.7", or null when python3 cannot be started.</summary>
    public Task<string?> GetVersionAsync() => _version.Value;

    private async Task<string?> ProbeVersionAsync()
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(Executable, "--version")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            });
            if (process is null)
            {
                return null;
            }

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            var output = await process.StandardOutput.ReadToEndAsync(timeout.Token);
            await process.WaitForExitAsync(timeout.Token);
            // "Python 3.11.7"
            return process.ExitCode == 0 ? output.Trim().Replace("Python ", string.Empty, StringComparison.Ordinal) : null;
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or OperationCanceledException or InvalidOperationException)
        {
            return null;
        }
    }
}
