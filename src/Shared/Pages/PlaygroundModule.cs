namespace Playground.Shared.Pages;

/// <summary>The two modules of the course the playground teaches.</summary>
public enum PlaygroundModule
{
    Memory,
    Processes,
}
