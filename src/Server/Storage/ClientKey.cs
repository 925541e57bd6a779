namespace Playground.Server.Storage;

/// <summary>
/// Who is asking, for the share rate limit: the HTTP API sets the remote address; a page rendered on
/// the server (a circuit, one per tab) keeps the key it was given when its scope was made.
/// </summary>
public sealed class ClientKey
{
    public string Value { get; set; } = "circuit:" + Guid.NewGuid().ToString("N");
}
