using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using Xunit;

namespace Playground.Tests.Unit.Infrastructure;

/// <summary>
/// A bUnit context the way the playground's components run in the browser: MudBlazor's services,
/// interactive WebAssembly rendering, JS interop answered loosely (the editor and theme call JS).
/// xunit 2 disposes it asynchronously, as MudBlazor's services require.
/// </summary>
public abstract class BunitTestBase : IAsyncLifetime
{
    protected BunitTestBase()
    {
        Context = new BunitContext();
        Context.JSInterop.Mode = JSRuntimeMode.Loose;
        Context.Services.AddMudServices();
    }

    protected BunitContext Context { get; }

    /// <summary>Derived classes register their services in their constructor; this runs after, before any test renders.</summary>
    public virtual Task InitializeAsync()
    {
        Context.SetRendererInfo(new RendererInfo("WebAssembly", isInteractive: true));
        return Task.CompletedTask;
    }

    public virtual async Task DisposeAsync() => await Context.DisposeAsync();
}
