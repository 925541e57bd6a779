using Playground.Client.Components.Rendering;
using Xunit;

namespace Playground.Tests.Unit.Components.Rendering;

/// <summary>Backticked names in the engine's words become code; a backtick with no partner stays text.</summary>
public sealed class InlineCodeTests
{
    [Fact]
    public void Odd_parts_are_the_backticked_ones()
    {
        Assert.Equal(["", "b", " now refers to the list (line 2)"], InlineCode.Parts("`b` now refers to the list (line 2)"));
        Assert.Equal(["passed to ", "f", " as ", "y", ""], InlineCode.Parts("passed to `f` as `y`"));
        Assert.Equal(["no code here"], InlineCode.Parts("no code here"));
    }

    [Fact]
    public void A_lone_backtick_is_text()
    {
        Assert.Equal(["", "a", " and a stray ` tick"], InlineCode.Parts("`a` and a stray ` tick"));
        Assert.Equal(["it`s"], InlineCode.Parts("it`s"));
    }
}
