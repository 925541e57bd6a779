using System.Collections.Concurrent;
using System.Diagnostics;

namespace Playground.Engines.Processes.Sandbox;

/// <summary>
/// Starts every sandboxed process from one thread that lives as long as the server. bubblewrap's
/// --die-with-parent is PR_SET_PDEATHSIG, and the kernel fires it when the parent *thread* that forked
/// the child exits (prctl(2)), not the parent process: started from a thread-pool thread, a run is
/// SIGKILLed the moment the pool retires that thread.
/// </summary>
internal static class LauncherThread
{
    private static readonly BlockingCollection<(Process Process, TaskCompletionSource Started)> Queue = [];
    private static readonly Lazy<Thread> Thread = new(() =>
    {
        var thread = new Thread(Loop) { IsBackground = true, Name = "sandbox launcher" };
        thread.Start();
        return thread;
    });

    internal static Task StartAsync(Process process)
    {
        _ = Thread.Value;
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Queue.Add((process, started));
        return started.Task;
    }

    private static void Loop()
    {
        foreach (var (process, started) in Queue.GetConsumingEnumerable())
        {
            try
            {
                process.Start();
                started.SetResult();
            }
            catch (Exception e)
            {
                started.SetException(e);
            }
        }
    }
}
