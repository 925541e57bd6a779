using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Playground.Tests.Unit.Engines.Memory.Allocation;

/// <summary>
/// The first section of a real <c>sys._debugmallocstats()</c> report (up to the first "Total" line), as text
/// and parsed: the size-class rows and the <c>printone</c> lines by label.
/// </summary>
internal sealed partial record DebugMallocStatsReport(
    string Text,
    IReadOnlyList<(int SizeClass, int Size, long NumPools, long BlocksInUse, long AvailableBlocks)> Rows,
    IReadOnlyDictionary<string, long> Lines)
{
    const string Begin = "@@BEGIN\n";
    const string End = "@@END\n";

    /// <summary>
    /// Python that defines <c>stats()</c>: writes one report to fd 2 between markers. The report is written
    /// with C's fprintf to stderr, so the markers go through <c>os.write</c> on the same descriptor.
    /// </summary>
    internal const string Prelude = """
        import os, sys
        def stats():
            sys.stderr.flush()
            os.write(2, b"@@BEGIN\n")
            sys._debugmallocstats()
            os.write(2, b"@@END\n")

        """;

    /// <summary>Runs python3 on <paramref name="script"/> (which calls <c>stats()</c>) and returns each report it printed.</summary>
    internal static IReadOnlyList<DebugMallocStatsReport> RunPython(string script)
    {
        var start = new ProcessStartInfo("python3")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-");
        // Debug hooks change request sizes and PYTHONMALLOC=malloc turns pymalloc off: the oracle needs neither.
        start.Environment.Remove("PYTHONMALLOC");
        start.Environment.Remove("PYTHONDEVMODE");
        using var process = Process.Start(start)!;
        process.StandardInput.Write(Prelude + script);
        process.StandardInput.Close();
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        string stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        _ = stdout.Result;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"python3 exited with {process.ExitCode}: {stderr}");
        }

        var reports = new List<DebugMallocStatsReport>();
        int at = 0;
        while ((at = stderr.IndexOf(Begin, at, StringComparison.Ordinal)) >= 0)
        {
            int from = at + Begin.Length;
            int to = stderr.IndexOf(End, from, StringComparison.Ordinal);
            reports.Add(Parse(stderr[from..to]));
            at = to;
        }
        return reports;
    }

    static DebugMallocStatsReport Parse(string report)
    {
        int total = report.IndexOf("Total", StringComparison.Ordinal);
        string first = report[..(report.IndexOf('\n', total) + 1)];
        var rows = RowPattern().Matches(first)
            .Select(m => (int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture),
                long.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture), long.Parse(m.Groups[4].Value, CultureInfo.InvariantCulture),
                long.Parse(m.Groups[5].Value, CultureInfo.InvariantCulture)))
            .ToList();
        var lines = LinePattern().Matches(first).ToDictionary(
            m => m.Groups[1].Value.TrimEnd(),
            m => long.Parse(m.Groups[2].Value.Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture));
        return new DebugMallocStatsReport(first, rows, lines);
    }

    [GeneratedRegex(@"^ *(\d+) +(\d+) +(\d+) +(\d+) +(\d+)$", RegexOptions.Multiline)]
    private static partial Regex RowPattern();

    [GeneratedRegex(@"^(.{35})= *([\d,]+)$", RegexOptions.Multiline)]
    private static partial Regex LinePattern();
}
