using MudBlazor;
using Playground.Client.Components.Stepping;
using Playground.Shared.Memory;

namespace Playground.Client.Components.Memory.Gc;

/// <summary>
/// The steps of a trace that ran a collection, as ticks for the step slider: automatic collections (the
/// allocation that pushed generation 0 past its threshold, gc_collect_generations) in one colour,
/// gc.collect() calls in another.
/// </summary>
public static class CollectionMarkers
{
    public static Color AutomaticColor => Color.Warning;

    public static Color ExplicitColor => Color.Secondary;

    public static IReadOnlyList<StepMarker> From(MemoryTrace trace)
    {
        ArgumentNullException.ThrowIfNull(trace);
        var markers = new List<StepMarker>();
        foreach (var step in trace.Steps)
        {
            if (step.Collections.Count == 0)
            {
                continue;
            }

            var automatic = step.Collections.All(c => c.Automatic);
            var what = string.Join(", ", step.Collections.Select(Describe));
            markers.Add(new StepMarker(step.Index, $"Step {step.Index + 1}, line {step.Line}: {what}",
                automatic ? AutomaticColor : ExplicitColor));
        }

        return markers;
    }

    /// <summary>"gc.collect() of generation 2: 2 collected", as a tooltip says it.</summary>
    public static string Describe(GcCollection collection)
    {
        ArgumentNullException.ThrowIfNull(collection);
        return $"{(collection.Automatic ? "automatic collection" : "gc.collect()")} of generation {collection.Generation}: {collection.Collected} collected";
    }
}
