using System.ComponentModel;
using EcgAnomaly.Cli.Internal;
using EcgAnomaly.Cli.Options;
using EcgAnomaly.Training;
using Spectre.Console;
using Spectre.Console.Cli;

namespace EcgAnomaly.Cli.Commands;

/// <summary><c>bench</c>: the model group (with compute and device) and --data, plus how long to time.</summary>
internal sealed class BenchSettings : ModelArchitectureSettings
{
    [CommandOption("--epochs <N>")]
    [Description(
        "Timed training epochs per engine on the seed protocol (1,970 train + 657 validation beats, batch --train-batch); the "
        + "median is reported.")]
    [DefaultValue(5)]
    public int Epochs { get; init; } = 5;

    [CommandOption("--train-batch <N>")]
    [Description("Beats per training batch in the timed epochs: 32 (the study's, the default) or 8 (train's default for the "
        + "LSTM under the tail recipe).")]
    [DefaultValue(TrainSettings.StudyBatch)]
    public int TrainBatch { get; init; } = TrainSettings.StudyBatch;

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

    [CommandOption(DataOption.Template)]
    [Description(DataOption.Description)]
    public string? Data { get; init; }

    [CommandOption("--gc-storm")]
    [Description(
        "Collect garbage without pause on another thread while training and scoring: a stress check that no native object "
        + "is freed while libtorch uses it (the losses must equal those of a run without it). Times are then meaningless.")]
    public bool GcStorm { get; init; }

    [CommandOption("--json <FILE>")]
    [Description("Also write the results as JSON to FILE (written whole or not at all).")]
    public string? Json { get; init; }

    /// <summary>bench compares engines: it takes concrete ones and all (its default), not auto.</summary>
    protected override bool TimesEngines => true;

    /// <summary>The engines that --engine names, in a fixed order.</summary>
    public IReadOnlyList<ComputeEngine> Engines => EngineNames.ParseToTime(Engine ?? EngineNames.All);

    public override ValidationResult Validate()
    {
        var groups = OptionChecks.FirstError(base.Validate(), DataOption.Validate(Data));
        if (!groups.Successful) return groups;
        if (Epochs is < 1 or > 10_000) return ValidationResult.Error($"--epochs must be between 1 and 10000 (got {Epochs})");
        if (TrainBatch is < 1 or > 1_000_000)
            return ValidationResult.Error($"--train-batch must be between 1 and 1000000 (got {TrainBatch})");
        if (Repeats is < 1 or > 1_000) return ValidationResult.Error($"--repeats must be between 1 and 1000 (got {Repeats})");
        if (ScoringBeats is < 1) return ValidationResult.Error($"--scoring-beats must be 1 or more (got {ScoringBeats})");
        return ValidationResult.Success();
    }
}
