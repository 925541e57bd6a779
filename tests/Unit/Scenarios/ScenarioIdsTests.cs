using Playground.Shared.Scenarios;
using Xunit;

namespace Playground.Tests.Unit.Scenarios;

public sealed class ScenarioIdsTests
{
    [Fact]
    public void New_ids_are_twelve_base62_characters_and_do_not_repeat()
    {
        var ids = Enumerable.Range(0, 10_000).Select(_ => ScenarioIds.NewId()).ToList();

        Assert.All(ids, id => Assert.True(ScenarioIds.IsWellFormed(id), id));
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("abcdefghijk!")]
    [InlineData("abcdefghijklm")]
    [InlineData("../../etc/pw")]
    [InlineData("abcdefghijk%")]
    public void Malformed_ids_are_recognised_before_storage_is_asked(string id) =>
        Assert.False(ScenarioIds.IsWellFormed(id));
}
