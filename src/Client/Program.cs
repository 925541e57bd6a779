using Playground.Shared.Processes;
using Playground.Shared.Memory;
using Microsoft.AspNetCore.Components.WebAssembly.Hosting;
using MudBlazor.Services;
using Playground.Client.Services;
using Playground.Shared.Hub;
using Playground.Shared.Scenarios;

var builder = WebAssemblyHostBuilder.CreateDefault(args);

builder.Services.AddMudServices();
builder.Services.AddScoped(_ => new HttpClient { BaseAddress = new Uri(builder.HostEnvironment.BaseAddress) });
builder.Services.AddScoped<IScenarioService, HttpScenarioService>();
builder.Services.AddScoped<PlaygroundHubConnection>();
builder.Services.AddScoped<ScenarioDraft>();
builder.Services.AddScoped<IClientIdentity, BrowserClientIdentity>();
builder.Services.AddScoped<IServerInfoService, HubServerInfoService>();
builder.Services.AddScoped<IMemoryEngineService, HubMemoryEngineService>();
builder.Services.AddScoped<IProcessEngineService, HubProcessEngineService>();

await builder.Build().RunAsync();
