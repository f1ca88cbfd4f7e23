using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace EcgAnomaly.Cli.Options;

/// <summary>The compute group with the device: for the verbs whose library calls take one (train, bench, reproduce,
/// score, evaluate).</summary>
internal abstract class DeviceSettings : ComputeSettings
{
    [CommandOption("--device <NAME>")]
    [Description("auto (CUDA if available, else CPU), cpu, or cuda[[:N]].")]
    [DefaultValue("auto")]
    public string Device { get; init; } = "auto";

    public override ValidationResult Validate()
    {
        var compute = base.Validate();
        if (!compute.Successful) return compute;
        if (Device is not "auto" and not "cpu" && !Device.StartsWith("cuda", StringComparison.Ordinal))
            return ValidationResult.Error($"--device: unknown device '{Device}' (expected auto, cpu or cuda[:N])");
        return ValidationResult.Success();
    }
}
