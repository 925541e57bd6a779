namespace Playground.Engines.Processes;

/// <summary>
/// A session asked for a run while it already has one (see <see cref="RunQueue"/>). Its own type so that
/// the web layer can pass the sentence on to the person (SignalR hides other exceptions' messages).
/// </summary>
public sealed class SessionBusyException(string message) : InvalidOperationException(message);
