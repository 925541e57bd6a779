using Playground.Server.Scenarios;
using Playground.Shared.Pages;
using Playground.Tests.Unit.Infrastructure;
using Xunit;

namespace Playground.Tests.Unit.Scenarios;

/// <summary>Reads the repository's real scenarios folder, the one the server ships.</summary>
public sealed class BuiltInScenarioCatalogTests
{
    private readonly BuiltInScenarioCatalog _catalog = new(RepositoryPaths.Scenarios);

    public static TheoryData<string> PageKeys => [.. PageCatalog.All.Select(p => p.Key)];

    [Theory]
    [MemberData(nameof(PageKeys))]
    public void Every_page_has_a_built_in_scenario_with_code_and_an_explanation(string page)
    {
        var scenarios = _catalog.ForPage(page);

        Assert.NotEmpty(scenarios);
        Assert.All(scenarios, s =>
        {
            Assert.False(string.IsNullOrWhiteSpace(s.Code));
            Assert.True(s.Explanation.Length > 40, $"{s.Slug}: the explanation should say what to look at.");
            Assert.DoesNotContain("# title:", s.Code, StringComparison.Ordinal);
        });
    }

    public static TheoryData<string> MemoryPageKeys => [.. PageCatalog.All.Select(p => p.Key).Where(k => k.StartsWith("memory/", StringComparison.Ordinal))];

    [Theory]
    [MemberData(nameof(MemoryPageKeys))]
    public void Every_memory_page_offers_at_least_five_built_in_scenarios_as_the_issue_asks(string page)
    {
        Assert.True(_catalog.ForPage(page).Count >= 5, $"{page} has {_catalog.ForPage(page).Count} built-in scenarios.");
    }

    [Fact]
    public void The_three_memory_pages_are_in_the_catalog()
    {
        Assert.Equal(3, MemoryPageKeys.Count);
    }

    [Fact]
    public void The_seed_five_worker_example_is_built_in_for_the_processes_page()
    {
        var seed = Assert.Single(_catalog.ForPage("processes"), s => s.Slug == "five_workers");

        Assert.Contains("print(f\"Worker: {n}\")", seed.Code, StringComparison.Ordinal);
        Assert.Contains("range(5)", seed.Code, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_naming_an_unknown_page_stops_the_catalog_with_the_file_named()
    {
        using var folder = new TemporaryDirectory();
        var file = Path.Combine(folder.Path, "bad.py");
        File.WriteAllText(file, "# title: T\n# page: memory/nowhere\n# explanation: E\nx = 1\n");

        var error = Assert.Throws<InvalidDataException>(() => new BuiltInScenarioCatalog(folder.Path));

        Assert.Contains("bad.py", error.Message, StringComparison.Ordinal);
        Assert.Contains("'# page: memory/nowhere' names no page", error.Message, StringComparison.Ordinal);
    }
}
