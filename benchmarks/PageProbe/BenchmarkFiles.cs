namespace Playground.Benchmarks.PageProbe;

/// <summary>Where a benchmark finds the repository and the published server, and the probe it injects into the page.</summary>
public static class BenchmarkFiles
{
    /// <summary>
    /// The script that records the gaps between animation frames and times clicks and key presses to
    /// the frame that shows their effect (see frame-probe.js); add it with <c>page.AddInitScriptAsync</c>.
    /// </summary>
    public static string FrameProbeScript()
    {
        using var stream = typeof(BenchmarkFiles).Assembly.GetManifestResourceStream("frame-probe.js")
            ?? throw new InvalidOperationException("frame-probe.js is not embedded in PageProbe.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>The folder holding Playground.sln, found upwards from the program's own folder.</summary>
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Playground.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Playground.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>The publish folder given on the command line, or artifacts/publish.</summary>
    public static string PublishDirectory(string[] args) =>
        args.Length > 0 ? Path.GetFullPath(args[0]) : Path.Combine(RepositoryRoot(), "artifacts", "publish");
}
