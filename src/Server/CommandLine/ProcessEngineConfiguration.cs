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
        Throw(new SandboxLimitsValidation().Validate(null, limits));
        Throw(new ProcessRunOptionsValidation().Validate(null, options));
        return new ProcessEngineConfiguration(limits, options);
    }

    private static void Throw(ValidateOptionsResult result)
    {
        if (result.Failed)
            throw new OptionsValidationException(string.Empty, typeof(ProcessEngineConfiguration), result.Failures ?? [result.FailureMessage]);
    }
}

/// <summary>The options pattern's check of <see cref="SandboxLimits"/>, run at start-up (ValidateOnStart).</summary>
public sealed class SandboxLimitsValidation : IValidateOptions<SandboxLimits>
{
    public ValidateOptionsResult Validate(string? name, SandboxLimits options)
    {
        ArgumentNullException.ThrowIfNull(options);
        try
        {
            options.Validate();
            return ValidateOptionsResult.Success;
        }
        catch (ArgumentException e)
        {
            return ValidateOptionsResult.Fail($"{ProcessEngineConfiguration.SandboxSection}: {e.Message}");
        }
    }
}

/// <summary>The options pattern's check of <see cref="ProcessRunOptions"/>, run at start-up (ValidateOnStart).</summary>
public sealed class ProcessRunOptionsValidation : IValidateOptions<ProcessRunOptions>
{
    public ValidateOptionsResult Validate(string? name, ProcessRunOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        try
        {
            options.Validate();
            return ValidateOptionsResult.Success;
        }
        catch (ArgumentException e)
        {
            return ValidateOptionsResult.Fail($"{ProcessEngineConfiguration.ProcessesSection}: {e.Message}");
        }
    }
}
