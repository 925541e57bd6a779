using Playground.Shared.Pages;

namespace Playground.Client.Layout;

public static class ModuleNames
{
    public static string Of(PlaygroundModule module) => module switch
    {
        PlaygroundModule.Memory => "Memory management",
        PlaygroundModule.Processes => "Multiprocessing",
        _ => module.ToString(),
    };
}
