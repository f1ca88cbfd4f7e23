using EcgAnomaly.Cli.Internal;
using System.ComponentModel;
using EcgAnomaly.Models;
using EcgAnomaly.Training;
using Spectre.Console;
using Spectre.Console.Cli;

namespace EcgAnomaly.Cli.Commands;

public sealed class ReproduceSettings : CommandSettings
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
    [Description("Folder for runs/, checkpoints/, results.md and results.json. Started again with the same arguments, the reproduction continues where it stopped.")]
    [DefaultValue("reproduce")]
    public string Out { get; init; } = "reproduce";

    [CommandOption("--protocol <NAME>")]
    [Description("seed (the study's) or official.")]
    [DefaultValue("seed")]
    public string Protocol { get; init; } = "seed";

    [CommandOption("--kernel <NAME>")]
    [Description("auto, fast or reference (the fast kernel applies to the LSTM models).")]
    [DefaultValue("auto")]
    public string Kernel { get; init; } = "auto";

    [CommandOption("--threads <N>")]
    [Description("CPU threads (0: all cores).")]
    [DefaultValue(0)]
    public int Threads { get; init; }

    [CommandOption("--data <DIR>")]
    [Description("Folder holding ECG5000/ (default: $ECG_ANOMALY_DATA, then the download cache).")]
    public string? Data { get; init; }

    public IReadOnlyList<CatalogueEntry> Configurations =>
        Only is null ? ModelCatalogue.All : ModelCatalogue.Select(Only.Split(','));

    public ComputeEngine KernelChoice => KernelNames.Parse(Kernel);

    public override ValidationResult Validate()
    {
        if (Seeds is < 1 or > 100) return ValidationResult.Error($"--seeds must be between 1 and 100 (got {Seeds})");
        if (Epochs is < 1 or > 100_000) return ValidationResult.Error($"--epochs must be between 1 and 100000 (got {Epochs})");
        if (Protocol is not ("seed" or "official")) return ValidationResult.Error($"--protocol: unknown protocol '{Protocol}' (expected seed or official)");
        if (!KernelNames.TryParse(Kernel, out _)) return ValidationResult.Error($"--kernel: unknown kernel '{Kernel}' (expected {KernelNames.Expected})");
        if (Threads is < 0 or > 1024) return ValidationResult.Error($"--threads must be between 0 and 1024 (got {Threads})");
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
