using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using Playground.Server.Hosting;

namespace Playground.Server.Storage;

/// <summary>
/// How many scenarios one client may share per minute. Clients are keyed by IP address, both for the
/// HTTP API and for pages still rendered on the server (whose circuit keeps the address it was
/// prerendered for, see <see cref="ClientKey"/>), so a new tab does not get round the limit; a window
/// refills once a minute.
/// </summary>
public sealed class ShareRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;

    public ShareRateLimiter(IOptions<PlaygroundOptions> options)
    {
        var permits = options.Value.Limits.SharesPerMinute;
        PermitsPerMinute = permits;
        _limiter = PartitionedRateLimiter.Create<string, string>(client =>
            RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = permits,
                Window = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
            }));
    }

    public int PermitsPerMinute { get; }

    /// <summary>Takes one share from the client's allowance; false when it is used up.</summary>
    public bool TryAcquire(string client)
    {
        using var lease = _limiter.AttemptAcquire(client);
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
