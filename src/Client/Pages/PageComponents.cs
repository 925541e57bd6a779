using System.Reflection;
using Microsoft.AspNetCore.Components;
using Playground.Shared.Pages;

namespace Playground.Client.Pages;

/// <summary>
/// The component behind each page's route, found once from the <c>@page</c> directives, so that a shared
/// link renders the very page it was shared from (its engine view included) rather than a copy of it.
/// </summary>
public static class PageComponents
{
    private static readonly Dictionary<string, Type> ByRoute = typeof(PageComponents).Assembly.GetTypes()
        .Where(t => typeof(IComponent).IsAssignableFrom(t))
        .SelectMany(t => t.GetCustomAttributes<RouteAttribute>().Select(r => (r.Template, Type: t)))
        .GroupBy(r => r.Template, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.First().Type, StringComparer.Ordinal);

    /// <summary>The component at <paramref name="page"/>'s route.</summary>
    /// <exception cref="InvalidOperationException">No component has that route (a catalogue entry without its page).</exception>
    public static Type Of(PlaygroundPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return ByRoute.TryGetValue(page.Route, out var type)
            ? type
            : throw new InvalidOperationException($"No page component has the route {page.Route}.");
    }
}
