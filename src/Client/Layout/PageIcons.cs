using MudBlazor;
using Playground.Shared.Pages;

namespace Playground.Client.Layout;

/// <summary>Each page's icon in the navigation drawer and on the home page.</summary>
public static class PageIcons
{
    public static string Of(PlaygroundPage page) => page.Key switch
    {
        "memory/refcount" => Icons.Material.Filled.Numbers,
        "memory/gc" => Icons.Material.Filled.Recycling,
        "memory/pools" => Icons.Material.Filled.GridView,
        "processes" => Icons.Material.Filled.AccountTree,
        "processes/queues" => Icons.Material.Filled.SwapHoriz,
        "processes/shared" => Icons.Material.Filled.Memory,
        "processes/locks" => Icons.Material.Filled.Lock,
        "processes/events" => Icons.Material.Filled.NotificationsActive,
        "processes/pools" => Icons.Material.Filled.Workspaces,
        _ => Icons.Material.Filled.Article,
    };
}
