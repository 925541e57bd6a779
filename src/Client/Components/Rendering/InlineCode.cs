using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace Playground.Client.Components.Rendering;

/// <summary>
/// Text that names code in backticks, the way the refcount log words a reason ("`b` now refers to the
/// list") and the scenarios' explanations name a call (`value.read`): each backticked part is shown as
/// code, the rest as text. A lone backtick with no partner stays as it is. A fragment rather than a
/// component: the log draws up to a hundred lines on a step, and a component each would be a hundred
/// more to create in the browser's interpreter.
/// </summary>
public static class InlineCode
{
    public static RenderFragment Of(string? text) => builder => Write(builder, text ?? string.Empty);

    /// <summary>The parts of <paramref name="text"/>: odd ones were between backticks.</summary>
    public static IReadOnlyList<string> Parts(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split('`');
        if (parts.Length % 2 == 0)
        {
            // an odd number of backticks: the last one opens nothing, so it is text
            parts = [.. parts[..^2], parts[^2] + "`" + parts[^1]];
        }

        return parts;
    }

    private static void Write(RenderTreeBuilder builder, string text)
    {
        if (!text.Contains('`', StringComparison.Ordinal))
        {
            builder.AddContent(0, text);
            return;
        }

        var parts = Parts(text);
        for (var i = 0; i < parts.Count; i++)
        {
            if (i % 2 == 0)
            {
                builder.AddContent(1, parts[i]);
            }
            else
            {
                builder.OpenElement(2, "code");
                builder.AddContent(3, parts[i]);
                builder.CloseElement();
            }
        }
    }
}
