using System.ComponentModel;
using EcgAnomaly.Cli.Options;
using EcgAnomaly.Ectopy;
using Spectre.Console;
using Spectre.Console.Cli;

namespace EcgAnomaly.Cli.Commands;

/// <summary><c>train</c>: the model group (with compute and device) and the data and threshold options, plus the
/// training data and loop.</summary>
internal sealed class TrainSettings : ModelArchitectureSettings
{
    [CommandOption("--protocol <NAME>")]
    [Description(
        "seed: train/validate on the normal beats of ECG5000_TEST, test on all of ECG5000_TRAIN (the study's). "
        + "official: the other way round.")]
    [DefaultValue("seed")]
    public string Protocol { get; init; } = "seed";

    [CommandOption("--seed <N>")]
    [Description(
        "Seeds the train/validation split, the weight initialisation and the batch order; "
        + "the same seed on the same machine gives the same run.")]
    [DefaultValue(777)]
    public int Seed { get; init; } = 777;

    [CommandOption("--epochs <N>")]
    [Description("Training epochs (the study: 150).")]
    [DefaultValue(150)]
    public int Epochs { get; init; } = 150;

    [CommandOption("--batch <N>")]
    [Description("Mini-batch size. Default: 8 for --model lstm under the tail recipe on ECG5000 (chosen there on the official "
        + "protocol and validation losses, README \"Batch size\"), else 32 (the study's; --record and --train-file keep it "
        + "until measured there).")]
    public int? Batch { get; init; }

    /// <summary>The batch size that runs: <see cref="Batch"/>, or the default of the model, recipe and data.</summary>
    public int BatchChoice => Batch ?? (ScheduleChoice == Training.LearningRateSchedule.Tail
        && Model.Equals(Models.LstmSpec.FamilyKind, StringComparison.OrdinalIgnoreCase) && Record is null && TrainFile is null
        ? TailLstmBatch : StudyBatch);

    /// <summary>The study's batch size.</summary>
    public const int StudyBatch = 32;

    /// <summary>The tail recipe's batch size for the LSTM: four times the optimiser steps of the study's per epoch.</summary>
    public const int TailLstmBatch = 8;

    [CommandOption("--lr <RATE>")]
    [Description("Adam learning rate.")]
    [DefaultValue(1e-3)]
    public double LearningRate { get; init; } = 1e-3;

    [CommandOption("--recipe <NAME>")]
    [Description("How the learning rate moves over the epochs: tail (the default: --lr for the first four fifths, then half "
        + "a cosine down to nearly 0 over the last fifth, so that the last epoch has settled), study (the study's exact "
        + "procedure: --lr throughout, for reproduction) or cosine (half a cosine over the whole run). model.json's "
        + "hyperParameters say which ran.")]
    [DefaultValue("tail")]
    public string Recipe { get; init; } = "tail";

    [CommandOption("--warmup <EPOCHS>")]
    [Description("Raise the learning rate linearly over the first EPOCHS epochs (epoch e at e/EPOCHS of it) before the "
        + "recipe takes over. 0: none (the study's).")]
    [DefaultValue(0)]
    public int Warmup { get; init; }

    [CommandOption("--clip-norm <NORM>")]
    [Description("Scale every step's gradient down to this global L2 norm when it is larger (torch.nn.utils."
        + "clip_grad_norm_). The loss is summed over the batch, so gradient norms here run in the thousands. Default: no "
        + "clipping (the study's).")]
    public double? ClipNorm { get; init; }

    [CommandOption("--ensemble <K>")]
    [Description("Train K networks on the same split (seeds --seed, --seed+1, ...; the first is the network a single run "
        + "trains) and score with the mean of their scores: one run folder, one model.json listing the members. Takes K "
        + "times as long; score, record, evaluate and serve use the whole ensemble.")]
    [DefaultValue(1)]
    public int Ensemble { get; init; } = 1;

    public Training.LearningRateSchedule ScheduleChoice => Recipe.ToLowerInvariant() switch
    {
        "study" => Training.LearningRateSchedule.Constant,
        "cosine" => Training.LearningRateSchedule.Cosine,
        _ => Training.LearningRateSchedule.Tail,
    };

    [CommandOption("--train-file <FILE>")]
    [Description("Train on the normal beats of this UCR file (any beat length) instead of ECG5000; needs --test-file.")]
    public string? TrainFile { get; init; }

    [CommandOption("--test-file <FILE>")]
    [Description("Evaluate on this labelled UCR file (with --train-file).")]
    public string? TestFile { get; init; }

    [CommandOption("--normal-class <C>")]
    [Description("With --train-file: the class that counts as normal (every other class is abnormal).")]
    [DefaultValue(1)]
    public int NormalClass { get; init; } = 1;

    [CommandOption("--record <PATH>")]
    [Description(
        "Train on a recording instead, a WFDB record (path of the .hea, or the record path without extension) or an EDF/EDF+ "
        + "file (.edf; BDF as .bdf): "
        + "the beats of its first --minutes, detected and cut like ECG5000's; the rest of the record is the test set "
        + "(labelled by its .atr annotations, or an EDF+ file's beat-label annotations, when present; AAMI N = normal).")]
    public string? Record { get; init; }

    [CommandOption("--minutes <M>")]
    [Description("With --record: learn from the beats of the first M minutes.")]
    [DefaultValue(5.0)]
    public double Minutes { get; init; } = 5;

    [CommandOption("--lead <NAME>")]
    [Description("With --record: the lead to use, by its name in the file (e.g. MLII) or 0-based number. Default: the ECG "
        + "lead chosen by its description, in the order MLII, ECG, II, V1-V6, I, III, aVR, aVL, aVF.")]
    public string? Lead { get; init; }

    [CommandOption(TrainingBeatsOption.Template)]
    [Description("With --record: " + TrainingBeatsOption.Description)]
    public string? TrainingBeats { get; init; }

    [CommandOption("--only-normal")]
    [Description(
        "With --record: learn only from beats annotated AAMI N in the .atr file (needs the annotations; to compare with "
        + "the label-free --training-beats).")]
    public bool OnlyNormal { get; init; }

    /// <summary>What --training-beats and --only-normal choose together.</summary>
    public TrainingBeats TrainingBeatsChoice => TrainingBeatsOption.Resolve(TrainingBeats, OnlyNormal);

    [CommandOption("--beat-window <WINDOW>")]
    [Description(
        "With --record: rr (one RR interval with the R peak at sample 3, as ECG5000's beats) or fixed:B,A "
        + "(B seconds before and A after the R peak).")]
    [DefaultValue("rr")]
    public string BeatWindow { get; init; } = "rr";

    [CommandOption("--out <DIR>")]
    [Description("Run folder to create (default: runs/<timestamp>-<model>). An existing non-empty folder is refused.")]
    public string? Out { get; init; }

    [CommandOption(DataOption.Template)]
    [Description(DataOption.Description)]
    public string? Data { get; init; }

    [CommandOption(ThresholdOption.Template)]
    [Description(ThresholdOption.Description)]
    [DefaultValue(ThresholdOption.Default)]
    public string ThresholdPolicy { get; init; } = ThresholdOption.Default;

    public Detection.ThresholdPolicy Policy => ThresholdOption.Parse(ThresholdPolicy);

    public override ValidationResult Validate()
    {
        var groups = OptionChecks.FirstError(base.Validate(), DataOption.Validate(Data), ThresholdOption.Validate(ThresholdPolicy));
        if (!groups.Successful) return groups;
        if ((TrainFile is null) != (TestFile is null)) return ValidationResult.Error("--train-file and --test-file go together");
        if (Record is not null && TrainFile is not null) return ValidationResult.Error("--record and --train-file exclude each other");
        if (TrainingBeatsOption.Validate(TrainingBeats, OnlyNormal) is { Successful: false } beats) return beats;
        if (!(Minutes > 0 && Minutes <= InputLimits.MaxRecordMinutes))
            return ValidationResult.Error($"--minutes must be above 0 and no more than {InputLimits.MaxRecordMinutes:0} (got {Minutes})");
        try { Signals.BeatWindow.Parse(BeatWindow); }
        catch (FormatException e) { return ValidationResult.Error($"--beat-window: {e.Message}"); }
        if (Protocol is not ("seed" or "official"))
            return ValidationResult.Error($"--protocol: unknown protocol '{Protocol}' (expected seed or official)");
        if (Epochs is < 1 or > 100_000) return ValidationResult.Error($"--epochs must be between 1 and 100000 (got {Epochs})");
        if (Ensemble is < 1 or > Training.TrainingOptions.MaxEnsemble)
            return ValidationResult.Error($"--ensemble must be between 1 and {Training.TrainingOptions.MaxEnsemble} (got {Ensemble})");
        if (Batch is < 1 or > 1_000_000) return ValidationResult.Error($"--batch must be between 1 and 1000000 (got {Batch})");
        if (Recipe.ToLowerInvariant() is not ("tail" or "study" or "cosine"))
            return ValidationResult.Error($"--recipe: unknown recipe '{Recipe}' (expected tail, study or cosine)");
        if (Warmup < 0 || Warmup > Epochs)
            return ValidationResult.Error($"--warmup must be between 0 and --epochs ({Epochs}) (got {Warmup})");
        if (ClipNorm is double clip && !(clip > 0 && clip <= 1e12))
            return ValidationResult.Error($"--clip-norm must be above 0 and no more than 1e12 (got {clip})");
        if (!(LearningRate > 0 && LearningRate <= 10))
            return ValidationResult.Error($"--lr must be above 0 and at most 10 (got {LearningRate})");
        return ValidationResult.Success();
    }
}
