using Playground.Client.Components.Processes;
using Playground.Client.Components.Processes.Timeline;
using Xunit;

namespace Playground.Tests.Unit.Components.Processes;

/// <summary>A lock is named alike in the lanes, the lock table and the wait-for graph: its type, then its name.</summary>
public sealed class ResourceNameTests
{
    [Theory]
    [InlineData("Lock-a", "Lock a")]
    [InlineData("Lock-locks[0]", "Lock locks[0]")]
    [InlineData("Lock-0x7f39ca5bc000", "Lock 0x7f39ca5bc000")]
    [InlineData("Semaphore-line 27", "Semaphore line 27")]
    [InlineData("lock", "lock")]
    public void A_resource_reads_as_its_type_then_its_name(string resource, string words) =>
        Assert.Equal(words, ResourceName.Words(resource));

    [Fact]
    public void A_lane_names_what_it_waits_for_that_way_but_a_process_to_join_by_its_own_name()
    {
        Assert.Equal("blocked on a lock (Lock b)", new TimelineSegment(0, null, LaneActivity.WaitingForLock, "Lock-b").Describe());
        Assert.Equal("waiting to join (Process-2)", new TimelineSegment(0, null, LaneActivity.Joining, "Process-2").Describe());
    }
}
