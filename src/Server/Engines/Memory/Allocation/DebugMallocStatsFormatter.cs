using System.Globalization;
using System.Text;
using Playground.Shared.Memory.Allocation;

namespace Playground.Engines.Memory.Allocation;

/// <summary>
/// Prints a <see cref="MallocSnapshot"/> in the text layout of <c>sys._debugmallocstats()</c>, i.e. of
/// <c>_PyObject_DebugMallocStats</c> (3.11 <c>Objects/obmalloc.c</c>:2958-3095): the size-class table
/// (<c>"%5u %6u %11zu %15zu %13zu"</c>), then the arena lines and the byte accounting through <c>printone</c>
/// (obmalloc.c:2877), which pads the label to 35 columns, writes '=' and right-aligns the value with
/// thousands commas in 21 columns. The radix-tree ("arena map") and free-list sections that follow in
/// CPython's report are not part of the model and are not printed.
/// </summary>
public static class DebugMallocStatsFormatter
{
    /// <summary>The report's text, lines ending in '\n' as the C code writes them.</summary>
    public static string Format(MallocSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.Append(inv, $"Small block threshold = {PyMalloc.SMALL_REQUEST_THRESHOLD}, in {PyMalloc.NB_SMALL_SIZE_CLASSES} size classes.\n");
        sb.Append('\n');
        sb.Append("class   size   num pools   blocks in use  avail blocks\n");
        sb.Append("-----   ----   ---------   -------------  ------------\n");
        foreach (SizeClassRow row in snapshot.SizeClasses)
        {
            sb.Append(inv, $"{row.SizeClass,5} {row.Size,6} {row.NumPools,11} {row.BlocksInUse,15} {row.AvailableBlocks,13}\n");
        }
        sb.Append('\n');
        PrintOne(sb, "# arenas allocated total", snapshot.ArenasAllocatedTotal);
        PrintOne(sb, "# arenas reclaimed", snapshot.ArenasReclaimed);
        PrintOne(sb, "# arenas highwater mark", snapshot.ArenasHighwaterMark);
        PrintOne(sb, "# arenas allocated current", snapshot.ArenasAllocatedCurrent);
        PrintOne(sb, string.Create(inv, $"{snapshot.ArenasAllocatedCurrent} arenas * {PyMalloc.ARENA_SIZE} bytes/arena"),
            (long)snapshot.ArenasAllocatedCurrent * PyMalloc.ARENA_SIZE);
        sb.Append('\n');
        PrintOne(sb, "# bytes in allocated blocks", snapshot.BytesInAllocatedBlocks);
        PrintOne(sb, "# bytes in available blocks", snapshot.BytesInAvailableBlocks);
        PrintOne(sb, string.Create(inv, $"{snapshot.UnusedPools} unused pools * {PyMalloc.POOL_SIZE} bytes"),
            (long)snapshot.UnusedPools * PyMalloc.POOL_SIZE);
        PrintOne(sb, "# bytes lost to pool headers", snapshot.BytesLostToPoolHeaders);
        PrintOne(sb, "# bytes lost to quantization", snapshot.BytesLostToQuantization);
        PrintOne(sb, "# bytes lost to arena alignment", snapshot.BytesLostToArenaAlignment);
        PrintOne(sb, "Total", snapshot.Total);
        return sb.ToString();
    }

    /// <summary><c>printone</c>: label padded to 35 columns, '=', the value with commas right-aligned in 21 columns.</summary>
    static void PrintOne(StringBuilder sb, string msg, long value)
    {
        sb.Append(msg.PadRight(35)).Append('=');
        sb.Append(value.ToString("#,0", CultureInfo.InvariantCulture).PadLeft(21)).Append('\n');
    }
}
