using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace EcgAnomaly.Cli.Options;

/// <summary>What <c>score</c> and <c>evaluate</c> share: a run folder, beats to apply it to, and how (engine, device, threads).</summary>
internal abstract class BundleInputSettings : DeviceSettings
{
    [CommandOption("--model <RUN>")]
    [Description("A run folder written by 'train' or 'import' (model.json + model.pt).")]
    public string Model { get; init; } = "";

    [CommandOption("--resample")]
    [Description("Resample beats of another length to the model's beat length by linear interpolation (otherwise they are refused).")]
    public bool Resample { get; init; }

    public override ValidationResult Validate()
    {
        var device = base.Validate();
        if (!device.Successful) return device;
        if (string.IsNullOrWhiteSpace(Model)) return ValidationResult.Error("--model is required (a run folder written by 'train')");
        return ValidationResult.Success();
    }
}
