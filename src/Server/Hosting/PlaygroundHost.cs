using Microsoft.Extensions.Options;
using MudBlazor.Services;
using Playground.Engines.Memory;
using Playground.Engines.Processes;
using Playground.Engines.Processes.Sandbox;
using Playground.Server.Api;
using Playground.Server.CommandLine;
using Playground.Server.EngineServices;
using Playground.Server.Components;
using Playground.Server.Hubs;
using Playground.Server.Scenarios;
using Playground.Server.Storage;
using Playground.Shared.Hub;
using Playground.Shared.Memory;
using Playground.Shared.Processes;
using Playground.Shared.Scenarios;

namespace Playground.Server.Hosting;

/// <summary>Builds and runs the web host: Blazor (Interactive Auto), the hub, the scenario API, storage.</summary>
public static class PlaygroundHost
{
    public static async Task<int> RunAsync(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        // Serve the static web assets (MudBlazor, Monaco, the WebAssembly client) from a plain build
        // output in any environment; a published app has them in wwwroot already.
        builder.WebHost.UseStaticWebAssets();

        var services = builder.Services;
        services.AddOptions<PlaygroundOptions>()
            .Bind(builder.Configuration.GetSection(PlaygroundOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.AddRazorComponents()
            .AddInteractiveServerComponents()
            .AddInteractiveWebAssemblyComponents();
        services.AddSignalR(o => o.ClientTimeoutInterval = HubTimeouts.Silence)
            .AddJsonProtocol(o => o.PayloadSerializerOptions.TypeInfoResolverChain.Insert(0, HubJsonContext.Default));
        services.AddMudServices();

        services.AddPlaygroundStorage(builder.Configuration, builder.Environment.ContentRootPath);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<BuiltInScenarioCatalog>();
        services.AddSingleton<ShareRateLimiter>();
        services.AddSingleton<PythonRuntime>(_ => new PythonRuntime());
        services.AddScoped<ClientKey>();
        services.AddScoped<IClientIdentity>(sp => sp.GetRequiredService<ClientKey>());
        services.AddScoped<IScenarioService, ScenarioStore>();
        services.AddScoped<IServerInfoService, ServerInfoService>();
        services.AddScoped<Client.Services.ScenarioDraft>();
        services.AddOptions<SimulationOptions>().Bind(builder.Configuration.GetSection("Playground:Memory"));
        services.AddSingleton<MemoryEngineThrottle>();
        services.AddScoped<IMemoryEngineService, MemoryEngineService>();
        // checked when the server starts, not when the first student presses Run
        services.AddSingleton<IValidateOptions<SandboxLimits>>(ProcessEngineValidation.Limits);
        services.AddSingleton<IValidateOptions<ProcessRunOptions>>(ProcessEngineValidation.Options);
        services.AddOptions<SandboxLimits>().Bind(builder.Configuration.GetSection(ProcessEngineConfiguration.SandboxSection)).ValidateOnStart();
        services.AddOptions<ProcessRunOptions>().Bind(builder.Configuration.GetSection(ProcessEngineConfiguration.ProcessesSection)).ValidateOnStart();
        services.AddSingleton<ProcessEngineHost>();
        services.AddScoped<ProcessEngineService>();
        services.AddScoped<IProcessEngineService>(sp => sp.GetRequiredService<ProcessEngineService>());
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");

        services.AddHostedService<StorageMigrator>();

        var app = builder.Build();

        // Fail at start, with the file named, rather than on the first page that needs the scenarios.
        _ = app.Services.GetRequiredService<BuiltInScenarioCatalog>();

        if (app.Environment.IsDevelopment())
        {
            app.UseWebAssemblyDebugging();
        }
        else
        {
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
        }

        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseAntiforgery();

        app.MapStaticAssets();
        // A browser asks for /favicon.ico wherever a page names no icon (a JSON answer, an image opened
        // alone): the icon is an SVG, and without this every such visit rendered the not-found page.
        app.MapGet("/favicon.ico", () => Results.Redirect("/favicon.svg", permanent: true));
        app.MapHealthChecks("/healthz");
        app.MapScenarioApi();
        app.UseHubWebSocketCompression();
        app.MapHub<PlaygroundHub>(HubRoutes.Playground);
        app.MapRazorComponents<App>()
            .AddInteractiveServerRenderMode()
            .AddInteractiveWebAssemblyRenderMode()
            .AddAdditionalAssemblies(typeof(Client._Imports).Assembly);

        await app.RunAsync();
        return 0;
    }
}
