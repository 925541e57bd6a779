using Playground.Shared.Scenarios;

namespace Playground.Server.Storage;

/// <summary>
/// Who is asking, for the share rate limit: the remote address of the HTTP request, or for a page that
/// runs on the server (a circuit) the address it was prerendered for. A circuit that was never told
/// (it should not happen) is limited on its own.
/// </summary>
public sealed class ClientKey : IClientIdentity
{
    public string Value { get; private set; } = "circuit:" + Guid.NewGuid().ToString("N");

    public void Identify(string address) => Value = "ip:" + address;
}
