using Playground.Engines.Processes.Sandbox;

namespace Playground.Engines.Processes;

/// <summary>
/// Compiles the instrumentation to bytecode once, beside its sources (<c>__pycache__</c>), with the
/// interpreter the runs use. A run sees the folder read-only and with <c>PYTHONDONTWRITEBYTECODE</c>, so
/// without this every python3 of every run would compile <c>patches.py</c> and <c>channel.py</c> again
/// (about 10 ms before the first event). Python checks a .pyc against its source's mtime and size
/// (Lib/importlib/_bootstrap_external.py, SourceLoader.get_code), so a stale one is never used.
/// A folder the server cannot write (a read-only image) just keeps compiling per run.
/// </summary>
internal static class InstrumentationBytecode
{
    internal static async Task CompileAsync(string python, string directory)
    {
        if (!Directory.Exists(directory))
            return;
        await HostCommand.RunAsync(python, ["-m", "compileall", "-q", directory], TimeSpan.FromSeconds(30),
            inheritEnvironment: false, CancellationToken.None);
    }
}
