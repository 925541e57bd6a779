namespace Playground.Tests.Unit.Infrastructure;

/// <summary>Finds the repository's own folders from the test's output directory.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Scenarios => Path.Combine(Root, "scenarios");

    public static string Server => Path.Combine(Root, "src", "Server");

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Playground.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Playground.sln was not found above " + AppContext.BaseDirectory);
    }
}
