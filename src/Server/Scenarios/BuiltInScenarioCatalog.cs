using Microsoft.Extensions.Options;
using Playground.Server.Hosting;
using Playground.Shared.Pages;
using Playground.Shared.Scenarios;

namespace Playground.Server.Scenarios;

/// <summary>
/// The built-in scenarios, read once at start-up from the <c>scenarios/</c> folder. A file whose header
/// names no known page stops the start with a message that says which file and why.
/// </summary>
public sealed class BuiltInScenarioCatalog
{
    private readonly Dictionary<string, List<BuiltInScenario>> _byPage;

    public BuiltInScenarioCatalog(IOptions<PlaygroundOptions> options)
        : this(Path.Combine(AppContext.BaseDirectory, options.Value.ScenariosDirectory))
    {
    }

    public BuiltInScenarioCatalog(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"The built-in scenarios folder '{directory}' does not exist.");
        }

        _byPage = [];
        foreach (var file in Directory.EnumerateFiles(directory, "*.py", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var scenario = ScenarioFileParser.Parse(Path.GetFileNameWithoutExtension(file), File.ReadAllText(file), file);
            if (PageCatalog.Find(scenario.Page) is null)
            {
                throw new InvalidDataException($"{file}: '# page: {scenario.Page}' names no page of the playground.");
            }

            if (!_byPage.TryGetValue(scenario.Page, out var list))
            {
                _byPage[scenario.Page] = list = [];
            }

            list.Add(scenario);
        }
    }

    public IReadOnlyList<BuiltInScenario> ForPage(string page) =>
        _byPage.TryGetValue(page, out var list) ? list : [];

    public IEnumerable<BuiltInScenario> All => _byPage.Values.SelectMany(l => l);
}
