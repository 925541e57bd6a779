using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Playground.Server.CommandLine;
using Xunit;

namespace Playground.Tests.Unit.CommandLine;

/// <summary>The process engine's options as bound from configuration, the same sections for the web host and the verbs.</summary>
public sealed class ProcessEngineConfigurationTests
{
    private static IConfiguration Configuration(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    [Fact]
    public void Limits_and_caps_come_from_the_playground_sections()
    {
        var configuration = ProcessEngineConfiguration.From(Configuration(
            ("Playground:Sandbox:WallTime", "00:00:04"), ("Playground:Processes:MaxEvents", "1234")));

        Assert.Equal(TimeSpan.FromSeconds(4), configuration.Limits.WallTime);
        Assert.Equal(1234, configuration.Options.MaxEvents);
        Assert.Equal(TimeSpan.FromSeconds(1), configuration.Options.DeadlockAfter);
    }

    [Theory]
    [InlineData("Playground:Sandbox:MaxProcesses", "1", "Playground:Sandbox")]
    [InlineData("Playground:Processes:MaxEventsPerSecond", "0", "Playground:Processes")]
    [InlineData("Playground:Processes:DeadlockAfter", "00:00:00", "Playground:Processes")]
    public void A_limit_that_cannot_work_is_refused_with_its_section_named(string key, string value, string section)
    {
        var refusal = Assert.Throws<OptionsValidationException>(() => ProcessEngineConfiguration.From(Configuration((key, value))));

        Assert.StartsWith(section + ": ", Assert.Single(refusal.Failures), StringComparison.Ordinal);
    }
}
