namespace Playground.Client.Components.Processes.Timeline;

/// <summary>
/// A message that went from one process to another: a Queue put and the get that took it out, or a
/// Pipe send and the recv that read it, matched by the message id the instrumentation puts on both.
/// Times are seconds of time.monotonic().
/// </summary>
/// <param name="Channel">The queue or pipe, e.g. "Queue-7f01" or "Pipe-2-1".</param>
/// <param name="Label">A short repr of the value, as the receiver got it.</param>
public sealed record MessageArrow(string Id, string Channel, int FromPid, double SentAt, int ToPid, double ReceivedAt, string Label);
