using System.ComponentModel;
using EcgAnomaly.Cli.Internal;
using EcgAnomaly.Models;
using EcgAnomaly.Training;
using Spectre.Console;
using Spectre.Console.Cli;

namespace EcgAnomaly.Cli.Commands;

public sealed class BenchSettings : CommandSettings
{
    [CommandOption("--model <KIND>")]
    [Description("Architecture to time: lstm (with --embedding), transformer (the study's [[4,512,4,2]]) or transformer-ae (the patch Transformer).")]
    [DefaultValue("lstm")]
    public string Model { get; init; } = "lstm";

    [CommandOption("--embedding <E>")]
    [Description("LSTM code size E (32: 63,297 parameters; 64: 249,473).")]
    [DefaultValue(32)]
    public int Embedding { get; init; } = 32;

    [CommandOption("--kernel <NAME>")]
    [Description("Implementation to time: reference (TorchSharp), fast (hand-written CPU LSTM), or all. A kernel this build lacks is reported as not available.")]
    [DefaultValue("all")]
    public string Kernel { get; init; } = "all";

    [CommandOption("--epochs <N>")]
    [Description("Timed training epochs per kernel on the seed protocol (1,970 train + 657 validation beats, batch 32); the median is reported.")]
    [DefaultValue(5)]
    public int Epochs { get; init; } = 5;

    [CommandOption("--repeats <N>")]
    [Description("Timed scoring passes per batch size (after one untimed pass); the median is reported.")]
    [DefaultValue(3)]
    public int Repeats { get; init; } = 3;

    [CommandOption("--scoring-beats <N>")]
    [Description("Beats of ECG5000_TEST to score per pass (default: all 4,500).")]
    public int? ScoringBeats { get; init; }

    [CommandOption("--seed <N>")]
    [Description("Seeds the train/validation split, the weights and the batch order.")]
    [DefaultValue(777)]
    public int Seed { get; init; } = 777;

    [CommandOption("--threads <N>")]
    [Description("CPU threads for Torch (0: Torch's default, all cores).")]
    [DefaultValue(0)]
    public int Threads { get; init; }

    [CommandOption("--data <DIR>")]
    [Description("Folder holding ECG5000/ (default: $ECG_ANOMALY_DATA, then the download cache).")]
    public string? Data { get; init; }

    [CommandOption("--json <FILE>")]
    [Description("Also write the results as JSON to FILE (written whole or not at all).")]
    public string? Json { get; init; }

    /// <summary>The kernels that <see cref="Kernel"/> names, in a fixed order.</summary>
    public IReadOnlyList<ComputeEngine> Kernels => Kernel switch
    {
        "all" => [ComputeEngine.TorchSharp, ComputeEngine.Fast],
        _ => [KernelNames.Parse(Kernel)],
    };

    public override ValidationResult Validate()
    {
        if (ModelFamilies.Find(Model) is null) return ValidationResult.Error($"--model: unknown model '{Model}' (expected one of {string.Join(", ", ModelFamilies.Kinds)})");
        if (Embedding is < 1 or > 4096) return ValidationResult.Error($"--embedding must be between 1 and 4096 (got {Embedding})");
        if (Kernel is not ("reference" or "fast" or "all")) return ValidationResult.Error($"--kernel: unknown kernel '{Kernel}' (expected reference, fast or all)");
        if (Epochs is < 1 or > 10_000) return ValidationResult.Error($"--epochs must be between 1 and 10000 (got {Epochs})");
        if (Repeats is < 1 or > 1_000) return ValidationResult.Error($"--repeats must be between 1 and 1000 (got {Repeats})");
        if (ScoringBeats is < 1) return ValidationResult.Error($"--scoring-beats must be 1 or more (got {ScoringBeats})");
        if (Threads is < 0 or > 1024) return ValidationResult.Error($"--threads must be between 0 and 1024 (got {Threads})");
        return ValidationResult.Success();
    }
}
