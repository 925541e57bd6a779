namespace Playground.Client.Services;

/// <summary>
/// Carries a forked scenario's code from its shared link to its page: Fork puts the code here and
/// navigates, and the page takes it once. Lives as long as the browser tab's circuit or WebAssembly app.
/// </summary>
public sealed class ScenarioDraft
{
    private (string Page, string Title, string Code)? _pending;

    public void Put(string page, string title, string code) => _pending = (page, title, code);

    /// <summary>The draft for <paramref name="page"/>, removed as it is taken; null when there is none.</summary>
    public (string Title, string Code)? Take(string page)
    {
        if (_pending is { } draft && string.Equals(draft.Page, page, StringComparison.Ordinal))
        {
            _pending = null;
            return (draft.Title, draft.Code);
        }

        return null;
    }
}
