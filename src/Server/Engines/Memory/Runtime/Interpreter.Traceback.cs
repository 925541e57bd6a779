using System.Globalization;
using System.Text;
using Playground.Engines.Memory.Syntax;

namespace Playground.Engines.Memory.Runtime;

/// <summary>
/// The traceback text CPython 3.11 prints for an uncaught exception (Python/traceback.c tb_printinternal
/// and tb_displayline). Each frame shows its file, line and function, the source line without its
/// indentation, and since 3.11 (PEP 657) a line of markers under the part that failed, taken from the
/// failing instruction's columns (co_positions). When that part is a binary operation or a subscript,
/// extract_anchors_from_expr marks the operands with '~' and the operator (or the brackets) with '^':
/// <code>
///     return a + b
///            ~~^~~
/// </code>
/// otherwise the whole part is '^'. The markers are left out when they would cover the whole line
/// without an anchor: they would say nothing. A run of more than three identical frames (recursion)
/// prints three and "[Previous line repeated N more times]" (TB_RECURSIVE_CUTOFF), and only the last
/// 1000 frames are printed (PyTraceBack_LIMIT).
/// </summary>
internal sealed partial class Interpreter
{
    // Python/traceback.c: _TRACEBACK_SOURCE_LINE_INDENT, TB_RECURSIVE_CUTOFF, PyTraceBack_LIMIT.
    private const int SourceLineIndent = 4;
    private const int RecursiveCutoff = 3;
    private const int TracebackLimit = 1000;

    public string FormatTraceback(PyInstance e)
    {
        var sb = new StringBuilder();
        AppendException(sb, e, e.Traceback, []);
        return sb.ToString();
    }

    /// <summary>
    /// print_exception_recursive (Lib/traceback.py's TracebackException, as 3.11's C printer does): the
    /// context first, with the traceback it was caught with, then a line that links it to this one.
    /// </summary>
    private void AppendException(StringBuilder sb, PyInstance e, List<TracebackEntry>? tb, HashSet<PyInstance> seen)
    {
        seen.Add(e);
        if (e.Context is { } context && !seen.Contains(context))
        {
            AppendException(sb, context, context.CaughtTraceback, seen);
            sb.Append("\nDuring handling of the above exception, another exception occurred:\n\n");
        }

        if (tb is { Count: > 0 })
        {
            sb.Append("Traceback (most recent call last):\n");

            // The list is innermost first; printing goes outermost first and skips the oldest frames past the limit.
            var first = Math.Min(tb.Count, TracebackLimit) - 1;
            TracebackEntry? last = null;
            var repeated = 0;
            for (var i = first; i >= 0; i--)
            {
                var entry = tb[i];
                if (last is not { } previous || previous.Line != entry.Line || previous.Function != entry.Function)
                {
                    AppendRepeated(sb, repeated);
                    last = entry;
                    repeated = 0;
                }

                if (++repeated <= RecursiveCutoff)
                {
                    AppendFrame(sb, entry);
                }
            }

            AppendRepeated(sb, repeated);
        }

        var message = Str(e);
        sb.Append(e.Type.Name);
        if (message.Length > 0)
        {
            sb.Append(": ").Append(message);
        }

        sb.Append('\n');
    }

    private static void AppendRepeated(StringBuilder sb, int count)
    {
        if (count > RecursiveCutoff)
        {
            var more = count - RecursiveCutoff;
            sb.Append(CultureInfo.InvariantCulture, $"  [Previous line repeated {more} more time{(more > 1 ? "s" : "")}]\n");
        }
    }

    private void AppendFrame(StringBuilder sb, TracebackEntry entry)
    {
        sb.Append(CultureInfo.InvariantCulture, $"  File \"{FileName}\", line {entry.Line}, in {entry.Function}\n");
        if (entry.Line <= 0 || entry.Line > SourceLines.Length)
        {
            return;
        }

        var source = SourceLines[entry.Line - 1].TrimEnd();
        var indent = source.Length - source.TrimStart(' ', '\t', '\f').Length;
        if (source.Length == indent)
        {
            return;
        }

        sb.Append(' ', SourceLineIndent).Append(source, indent, source.Length - indent).Append('\n');
        if (entry.At is { } at && at.Line == entry.Line && Carets(source, indent, at) is { } carets)
        {
            sb.Append(carets).Append('\n');
        }
    }

    /// <summary>
    /// tb_displayline's marker line for <paramref name="at"/> on <paramref name="source"/>, or null when
    /// it is elided. Columns are 0-based character offsets into the unstripped line.
    /// </summary>
    private static string? Carets(string source, int indent, Node at)
    {
        var start = at.Col - 1;
        var end = at.EndCol - 1;
        var leftAnchor = -1;
        var rightAnchor = -1;
        if (at.EndLine != at.Line)
        {
            // A part that goes on past this line is marked up to the line's last non-blank character.
            end = source.Length;
        }
        else
        {
            (leftAnchor, rightAnchor) = Anchors(source, at);
        }

        var hasAnchors = leftAnchor != -1 || rightAnchor != -1;
        if (start < 0 || end > source.Length || end <= start || (end - start == source.Length - indent && !hasAnchors))
        {
            return null;
        }

        var primary = hasAnchors ? '~' : '^';
        var truncation = indent - SourceLineIndent;
        var sb = new StringBuilder();
        for (var offset = truncation + 1; offset <= end; offset++)
        {
            sb.Append(offset <= start ? ' ' : hasAnchors && leftAnchor < offset && offset <= rightAnchor ? '^' : primary);
        }

        return sb.ToString();
    }

    /// <summary>
    /// extract_anchors_from_expr (3.11): for a binary operation, the operator's first non-blank character
    /// between the operands (two characters for a two-character operator such as //); for a subscript,
    /// from the end of the value to one past the end of the index (the brackets and what is between).
    /// Other parts have no anchors.
    /// </summary>
    private static (int Left, int Right) Anchors(string source, Node at)
    {
        switch (at)
        {
            case BinOpExpr b when b.Left.EndLine == b.Line && b.Right.Line == b.Line:
            {
                var rightStart = b.Right.Col - 1;
                for (var i = b.Left.EndCol - 1; i < rightStart; i++)
                {
                    if (source[i] is ' ' or '\t' or '\f')
                    {
                        continue;
                    }

                    var right = i + 1 < rightStart && source[i + 1] is not (' ' or '\t' or '\f') ? i + 2 : i + 1;
                    return (i, right);
                }

                return (-1, -1);
            }

            case SubscriptExpr s when s.Value.EndLine == s.Line && s.Index.EndLine == s.Line:
                return (s.Value.EndCol - 1, s.Index.EndCol);
            default:
                return (-1, -1);
        }
    }
}
