using System.Text;
using Playground.Engines.Memory.Runtime;
using Playground.Engines.Memory.Syntax;
using Playground.Shared.Memory;

namespace Playground.Engines.Memory;

/// <summary>
/// The memory engine's entry point: runs a program of the playground's Python subset the way CPython 3.11
/// would, and returns its output and, when asked, the trace of every step.
/// </summary>
public static class MemorySimulator
{
    // Deep recursion (RecursionError at 1000 Python frames) needs more than the default 1 MiB stack.
    private const int InterpreterStackBytes = 256 * 1024 * 1024;

    /// <summary>
    /// Runs <paramref name="source"/> to the end, to an uncaught exception or to a limit. Cancelling
    /// <paramref name="cancellationToken"/> stops the run at the next step (or unit of work inside one) with
    /// the partial trace, as the wall-time limit does.
    /// </summary>
    public static MemoryTrace Run(string source, SimulationOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(options);
        MemoryTrace? result = null;
        Exception? crash = null;
        var thread = new Thread(() =>
        {
            try
            {
                result = RunOnThisThread(source, options, cancellationToken);
            }
            catch (Exception e)
            {
                crash = e;
            }
        }, InterpreterStackBytes);
        thread.Start();
        thread.Join();
        if (crash != null)
        {
            throw new InvalidOperationException("The memory engine failed: " + crash.Message, crash);
        }

        return result!;
    }

    private static MemoryTrace RunOnThisThread(string source, SimulationOptions options, CancellationToken cancellationToken)
    {
        var stdout = new StringBuilder();
        if (options.MaxSourceLength is { } maxLength && source.Length > maxLength)
        {
            return Rejected(options, $"line 1, col 1: the program is {source.Length:N0} characters long; the playground accepts up to {maxLength:N0}");
        }

        var recorder = options.RecordTrace ? new TraceRecorder(Math.Max(1, options.CheckpointInterval)) : null;
        var interp = new Interpreter(options, stdout, recorder, cancellationToken) { FileName = options.FileName };
        ModuleNode module;
        try
        {
            module = Parser.ParseModule(source, new ConstantPool(interp));
            SubsetNames.Check(module, interp.ProvidesBuiltin, interp.ModuleProvides);
        }
        catch (SubsetException e)
        {
            return Rejected(options, e.Message);
        }
        catch (SimulationLimitException e)
        {
            // Constant folding runs the program's arithmetic while parsing, so a limit can be met there.
            return new([], [], options.CheckpointInterval, "", "", e.Outcome, e.Message);
        }

        interp.SourceLines = module.Lines;
        var outcome = RunOutcome.Completed;
        string? message = null;
        try
        {
            interp.RunModule(module);
            interp.Finalize_();
        }
        catch (PyException e)
        {
            outcome = RunOutcome.UncaughtException;
            var text = interp.FormatTraceback(e.Value);
            interp.Stderr.Append(text);
            message = text.TrimEnd('\n').Split('\n')[^1];
        }
        catch (SimulationLimitException e)
        {
            outcome = e.Outcome;
            message = e.Message;
        }
        catch (InsufficientExecutionStackException)
        {
            outcome = RunOutcome.UncaughtException;
            message = "RecursionError: maximum recursion depth exceeded";
            interp.Stderr.Append(message).Append('\n');
        }

        recorder?.Finish(stdout.Length);
        return new MemoryTrace(recorder?.Steps ?? [], recorder?.Checkpoints ?? [], options.CheckpointInterval,
            stdout.ToString(), interp.Stderr.ToString(), outcome, message)
        {
            MallocStats = Allocation.DebugMallocStatsFormatter.Format(interp.Allocator.Snapshot()),
            CollectorTime = interp.Gc.Elapsed,
        };
    }

    private static MemoryTrace Rejected(SimulationOptions options, string message) =>
        new([], [], options.CheckpointInterval, "", message + "\n", RunOutcome.Rejected, message);
}
