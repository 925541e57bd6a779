namespace Playground.Server.Storage;

/// <summary>
/// Brings the database schema up to date before anything else starts: <see cref="IHostedLifecycleService.StartingAsync"/>
/// runs before any hosted service's StartAsync, the web server's included, so no request ever meets an old schema.
/// </summary>
public sealed class StorageMigrator(IServiceProvider services) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken) => services.MigratePlaygroundStorageAsync(cancellationToken);

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
