using Playground.Shared.Scenarios;

namespace Playground.Client.Services;

/// <summary>In WebAssembly every share is an HTTP request, and the server keys it by the request's own address.</summary>
public sealed class BrowserClientIdentity : IClientIdentity
{
    public void Identify(string address)
    {
    }
}
