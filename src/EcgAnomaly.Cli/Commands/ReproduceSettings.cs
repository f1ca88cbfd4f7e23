using System.ComponentModel;
using EcgAnomaly.Cli.Options;
using EcgAnomaly.Models;
using Spectre.Console;
using Spectre.Console.Cli;

namespace EcgAnomaly.Cli.Commands;

/// <summary><c>reproduce</c>: the compute group with the device, and --data, plus which configurations and seeds.</summary>
internal sealed class ReproduceSettings : DeviceSettings
{
    [CommandOption("--only <NAMES>")]
    [Description("Comma-separated configurations to run (default: all; see 'ecg-anomaly models'), e.g. lstm32,transformer-ae.")]
    public string? Only { get; init; }

    [CommandOption("--seeds <N>")]
    [Description("Seeds per configuration: 1..N (each seeds its split, initialisation and batch order).")]
    [DefaultValue(3)]
    public int Seeds { get; init; } = 3;

    [CommandOption("--epochs <N>")]
    [Description("Training epochs per run (the study: 150).")]
    [DefaultValue(150)]
    public int Epochs { get; init; } = 150;

    [CommandOption("--out <DIR>")]
    [Description(
        "Folder for runs/, checkpoints/, results.md and results.json. Started again with the same arguments, "
        + "the reproduction continues where it stopped.")]
    [DefaultValue("reproduce")]
    public string Out { get; init; } = "reproduce";

    [CommandOption("--protocol <NAME>")]
    [Description("seed (the study's) or official.")]
    [DefaultValue("seed")]
    public string Protocol { get; init; } = "seed";

    [CommandOption(DataOption.Template)]
    [Description(DataOption.Description)]
    public string? Data { get; init; }

    public IReadOnlyList<CatalogueEntry> Configurations =>
        Only is null ? ModelCatalogue.All : ModelCatalogue.Select(Only.Split(','));

    public override ValidationResult Validate()
    {
        var groups = OptionChecks.FirstError(base.Validate(), DataOption.Validate(Data));
        if (!groups.Successful) return groups;
        if (Seeds is < 1 or > 100) return ValidationResult.Error($"--seeds must be between 1 and 100 (got {Seeds})");
        if (Epochs is < 1 or > 100_000) return ValidationResult.Error($"--epochs must be between 1 and 100000 (got {Epochs})");
        if (Protocol is not ("seed" or "official"))
            return ValidationResult.Error($"--protocol: unknown protocol '{Protocol}' (expected seed or official)");
        try
        {
            _ = Configurations;
        }
        catch (ArgumentException e)
        {
            return ValidationResult.Error("--only: " + e.Message);
        }
        return ValidationResult.Success();
    }
}
