using Microsoft.Extensions.Options;
using Playground.Engines.Processes;
using Playground.Engines.Processes.Sandbox;

namespace Playground.Server.CommandLine;

/// <summary>
/// The process engine's options for the command-line verbs (<c>run</c>, <c>bench-processes</c>), read from
/// the same sources and sections as the web host's (appsettings.json and appsettings.{environment}.json in
/// the working directory, then <c>Playground__...</c> environment variables), so that a limit set for the
/// server holds for the command line too.
/// </summary>
public sealed record ProcessEngineConfiguration(SandboxLimits Limits, ProcessRunOptions Options)
{
    public const string SandboxSection = "Playground:Sandbox";
    public const string ProcessesSection = "Playground:Processes";

    public static ProcessEngineConfiguration Load()
    {
        var environment = Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT")
            ?? Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") ?? "Production";
        var configuration = new ConfigurationBuilder()
            .SetBasePath(Directory.GetCurrentDirectory())
            .AddJsonFile("appsettings.json", optional: true)
            .AddJsonFile($"appsettings.{environment}.json", optional: true)
            .AddEnvironmentVariables()
            .Build();
        return From(configuration);
    }

    /// <summary>Binds and validates both sections; a limit that cannot work is an <see cref="OptionsValidationException"/> naming it.</summary>
    public static ProcessEngineConfiguration From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var limits = new SandboxLimits();
        configuration.GetSection(SandboxSection).Bind(limits);
        var options = new ProcessRunOptions();
        configuration.GetSection(ProcessesSection).Bind(options);
        Throw(ProcessEngineValidation.Limits.Validate(null, limits));
        Throw(ProcessEngineValidation.Options.Validate(null, options));
        return new ProcessEngineConfiguration(limits, options);
    }

    private static void Throw(ValidateOptionsResult result)
    {
        if (result.Failed)
            throw new OptionsValidationException(string.Empty, typeof(ProcessEngineConfiguration), result.Failures ?? [result.FailureMessage]);
    }
}

/// <summary>
/// The options pattern's check of a section whose options validate themselves (<c>Validate()</c> throws an
/// <see cref="ArgumentException"/> naming the bad setting), run at start-up (ValidateOnStart); the failure
/// names the section, so the operator knows where to look.
/// </summary>
public sealed class SectionValidation<T>(string section, Action<T> validate) : IValidateOptions<T>
    where T : class
{
    public ValidateOptionsResult Validate(string? name, T options)
    {
        ArgumentNullException.ThrowIfNull(options);
        try
        {
            validate(options);
            return ValidateOptionsResult.Success;
        }
        catch (ArgumentException e)
        {
            return ValidateOptionsResult.Fail($"{section}: {e.Message}");
        }
    }
}

/// <summary>The two sections of the process engine, checked alike.</summary>
public static class ProcessEngineValidation
{
    public static SectionValidation<SandboxLimits> Limits { get; } = new(ProcessEngineConfiguration.SandboxSection, l => l.Validate());

    public static SectionValidation<ProcessRunOptions> Options { get; } = new(ProcessEngineConfiguration.ProcessesSection, o => o.Validate());
}
