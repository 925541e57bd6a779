using MudBlazor;

namespace Playground.Client.Components.Stepping;

/// <summary>
/// A step worth finding on the slider (a collection on the garbage collector page): drawn as a tick at its
/// place, with <see cref="Label"/> as its tooltip and accessible name, in <see cref="Color"/>.
/// </summary>
public sealed record StepMarker(int Step, string Label, Color Color);
