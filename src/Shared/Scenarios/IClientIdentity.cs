namespace Playground.Shared.Scenarios;

/// <summary>
/// Tells the server who a page's visitor is, for per-client limits such as the share rate. The page
/// learns the address while it is prerendered and passes it on; on the server (a circuit) it keys the
/// limits, in WebAssembly it is not needed because the server sees the HTTP request's own address.
/// </summary>
public interface IClientIdentity
{
    void Identify(string address);
}
