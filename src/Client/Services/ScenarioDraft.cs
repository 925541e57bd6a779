namespace Playground.Client.Services;

/// <summary>
/// Carries a forked scenario's code and options from its shared link to its page: Fork puts them here
/// and navigates, and the page takes them once. Lives as long as the browser tab's circuit or WebAssembly app.
/// </summary>
public sealed class ScenarioDraft
{
    private (string Page, string Title, string Code, IReadOnlyDictionary<string, string> Options)? _pending;

    public void Put(string page, string title, string code, IReadOnlyDictionary<string, string> options) =>
        _pending = (page, title, code, options);

    /// <summary>The draft for <paramref name="page"/>, removed as it is taken; null when there is none.</summary>
    public (string Title, string Code, IReadOnlyDictionary<string, string> Options)? Take(string page)
    {
        if (_pending is { } draft && string.Equals(draft.Page, page, StringComparison.Ordinal))
        {
            _pending = null;
            return (draft.Title, draft.Code, draft.Options);
        }

        return null;
    }
}
