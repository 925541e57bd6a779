using Playground.Shared.Processes;

namespace Playground.Client.Components.Processes.Pools;

/// <summary>
/// A Pool's tasks (multiprocessing/pool.py): each task is one message on the pool's task queue, for map a
/// chunk of <c>chunksize</c> items (job, index), taken by whichever worker gets to it first. This folds
/// submitted/started/finished into a grid of worker × task and the results each task sent back.
/// </summary>
public sealed class PoolTasks
{
    private readonly Dictionary<(long Job, long Index), PoolTask> _tasks = [];
    private readonly List<(int Pid, string Name)> _workers = [];
    private readonly Dictionary<int, double> _firstStarted = [];
    private List<PoolTask>? _ordered;

    /// <summary>The tasks in (job, index) order, sorted again only when a task was added: imap over 10,000 items is 10,000 tasks.</summary>
    public IReadOnlyList<PoolTask> Tasks => _ordered ??= [.. _tasks.Values.OrderBy(t => t.Job).ThenBy(t => t.Index)];

    public IReadOnlyList<(int Pid, string Name)> Workers => _workers;

    public long? Chunksize { get; private set; }

    /// <summary>The workers that had started a task by <paramref name="time"/>, in the order they first did.</summary>
    public IReadOnlyList<(int Pid, string Name)> WorkersBy(double time) =>
        [.. _workers.Where(w => _firstStarted[w.Pid] <= time)];

    public void Apply(ProcessEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (e.Kind == ProcessEventKinds.PoolMap)
        {
            Chunksize = e.Integer("chunksize");
            return;
        }

        if (e.Kind is not (ProcessEventKinds.PoolTaskSubmitted or ProcessEventKinds.PoolTaskStarted or ProcessEventKinds.PoolTaskFinished)
            || e.Integer("job") is not { } job || e.Integer("index") is not { } index)
        {
            return;
        }

        if (!_tasks.TryGetValue((job, index), out var task))
        {
            _tasks[(job, index)] = task = new PoolTask(job, index);
            _ordered = null;
        }

        task.Function ??= e.Text("func");
        switch (e.Kind)
        {
            case ProcessEventKinds.PoolTaskStarted:
                task.Worker = e.Pid;
                task.WorkerName = e.Name;
                task.Started = e.Timestamp;
                if (!_firstStarted.TryGetValue(e.Pid, out var first))
                {
                    _workers.Add((e.Pid, e.Name));
                    _firstStarted[e.Pid] = e.Timestamp;
                }
                else if (e.Timestamp < first)
                {
                    // each worker's events come through its own pipe: its first start may arrive after a later one
                    _firstStarted[e.Pid] = e.Timestamp;
                }

                break;
            case ProcessEventKinds.PoolTaskFinished:
                task.Finished = e.Timestamp;
                task.Succeeded = e.Text("ok") == "true";
                task.Result = e.Text("value");
                break;
        }
    }
}

/// <summary>One task of a pool: which worker ran it, when, and what it returned.</summary>
public sealed class PoolTask(long job, long index)
{
    public long Job { get; } = job;

    public long Index { get; } = index;

    public string? Function { get; set; }

    public int? Worker { get; set; }

    public string? WorkerName { get; set; }

    public double? Started { get; set; }

    public double? Finished { get; set; }

    public bool? Succeeded { get; set; }

    public string? Result { get; set; }

    public bool StartedBy(double time) => Started is { } at && at <= time;

    public bool FinishedBy(double time) => Finished is { } at && at <= time;

    /// <summary>What its cell says at <paramref name="time"/>: the result, "failed" or "running".</summary>
    public string StateAt(double time) => !FinishedBy(time) ? "running" : Succeeded == false ? "failed" : Result ?? "done";
}
