using System.Reflection;

namespace Playground.Client;

/// <summary>The version shown in the footer: the assembly's informational version without the commit hash.</summary>
public static class PlaygroundVersion
{
    public static string Current { get; } = "v" + (typeof(PlaygroundVersion).Assembly
        .GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        .Split('+')[0] ?? "0.0.0");
}
