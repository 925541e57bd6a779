using Microsoft.Extensions.Diagnostics.HealthChecks;
using Playground.Server.Storage;

namespace Playground.Server.Hosting;

/// <summary>/healthz is healthy when the database answers.</summary>
public sealed class DatabaseHealthCheck(PlaygroundDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy("The database answers.")
            : HealthCheckResult.Unhealthy("The database does not answer.");
}
