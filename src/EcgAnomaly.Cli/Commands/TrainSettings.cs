using EcgAnomaly.Cli.Internal;
using System.ComponentModel;
using EcgAnomaly.Detection;
using EcgAnomaly.Models;
using EcgAnomaly.Training;
using Spectre.Console;
using Spectre.Console.Cli;

namespace EcgAnomaly.Cli.Commands;

public sealed class TrainSettings : CommandSettings
{
    [CommandOption("--model <KIND>")]
    [Description("Architecture to train: lstm (the study's LSTM autoencoder), transformer (the study's Transformer autoencoder), transformer-ae (a patch Transformer with a bottleneck that cannot copy its input).")]
    [DefaultValue("lstm")]
    public string Model { get; init; } = "lstm";

    [CommandOption("--embedding <E>")]
    [Description("LSTM code size E; the study used 32, 64, 128 and 256.")]
    [DefaultValue(32)]
    public int Embedding { get; init; } = 32;

    [CommandOption("--input-dim <D>")]
    [Description("Transformer token width: D of the study's Transformer (2 or 4 in the study), or the width of transformer-ae (default 32 there).")]
    public int? InputDim { get; init; }

    [CommandOption("--ff-dim <F>")]
    [Description("Transformer feed-forward width (study: 256 or 512; transformer-ae default 64).")]
    public int? FeedForwardDim { get; init; }

    [CommandOption("--heads <H>")]
    [Description("Transformer attention heads (study: 2 or 4; transformer-ae default 4).")]
    public int? Heads { get; init; }

    [CommandOption("--layers <L>")]
    [Description("Transformer encoder and decoder layers (default 2).")]
    public int? Layers { get; init; }

    [CommandOption("--protocol <NAME>")]
    [Description("seed: train/validate on the normal beats of ECG5000_TEST, test on all of ECG5000_TRAIN (the study's). official: the other way round.")]
    [DefaultValue("seed")]
    public string Protocol { get; init; } = "seed";

    [CommandOption("--seed <N>")]
    [Description("Seeds the train/validation split, the weight initialisation and the batch order; the same seed on the same machine gives the same run.")]
    [DefaultValue(777)]
    public int Seed { get; init; } = 777;

    [CommandOption("--epochs <N>")]
    [Description("Training epochs (the study: 150).")]
    [DefaultValue(150)]
    public int Epochs { get; init; } = 150;

    [CommandOption("--batch <N>")]
    [Description("Mini-batch size.")]
    [DefaultValue(32)]
    public int Batch { get; init; } = 32;

    [CommandOption("--lr <RATE>")]
    [Description("Adam learning rate.")]
    [DefaultValue(1e-3)]
    public double LearningRate { get; init; } = 1e-3;

    [CommandOption("--threshold-policy <POLICY>")]
    [Description("How the alarm threshold is chosen from validation-normal scores: percentile:P, sigma:K, fpr:F, or a fixed number.")]
    [DefaultValue("percentile:99")]
    public string ThresholdPolicy { get; init; } = "percentile:99";

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
    [Description("Train on a WFDB recording instead (path of the .hea, or the record path without extension): the beats of its first --minutes, detected and cut like ECG5000's; the rest of the record is the test set (labelled by its .atr annotations when present, AAMI N = normal).")]
    public string? Record { get; init; }

    [CommandOption("--minutes <M>")]
    [Description("With --record: learn from the beats of the first M minutes.")]
    [DefaultValue(5.0)]
    public double Minutes { get; init; } = 5;

    [CommandOption("--lead <NAME>")]
    [Description("With --record: the lead to use, by its name in the header (e.g. MLII) or 0-based number.")]
    [DefaultValue("0")]
    public string Lead { get; init; } = "0";

    [CommandOption("--only-normal")]
    [Description("With --record: learn only from beats annotated AAMI N in the .atr file (needs the annotations). Without it every detected beat of the first minutes is taken as this patient's normal, the usual Holter case.")]
    public bool OnlyNormal { get; init; }

    [CommandOption("--beat-window <WINDOW>")]
    [Description("With --record: rr (one RR interval with the R peak at sample 3, as ECG5000's beats) or fixed:B,A (B seconds before and A after the R peak).")]
    [DefaultValue("rr")]
    public string BeatWindow { get; init; } = "rr";

    [CommandOption("--data <DIR>")]
    [Description("Folder holding ECG5000/ (default: $ECG_ANOMALY_DATA, then the download cache).")]
    public string? Data { get; init; }

    [CommandOption("--out <DIR>")]
    [Description("Run folder to create (default: runs/<timestamp>-<model>). An existing non-empty folder is refused.")]
    public string? Out { get; init; }

    [CommandOption("--device <NAME>")]
    [Description("auto (CUDA if available, else CPU), cpu, or cuda[[:N]].")]
    [DefaultValue("auto")]
    public string Device { get; init; } = "auto";

    [CommandOption("--kernel <NAME>")]
    [Description("auto: the hand-written fast LSTM kernel where it applies (CPU with AVX2/FMA, embedding a multiple of 8), else reference. fast: insist on it. reference: TorchSharp's nn.LSTM and autograd.")]
    [DefaultValue("auto")]
    public string Kernel { get; init; } = "auto";

    [CommandOption("--threads <N>")]
    [Description("CPU threads for Torch (0: Torch's default, all cores).")]
    [DefaultValue(0)]
    public int Threads { get; init; }

    public ComputeEngine KernelChoice => KernelNames.Parse(Kernel);

    /// <summary>The model to build for beats of <paramref name="beatLength"/> samples.</summary>
    public ModelSpec Spec(int beatLength) => ModelFamilies.Create(Model, new ModelSizes(Embedding, InputDim, FeedForwardDim, Heads, Layers), beatLength);

    public override ValidationResult Validate()
    {
        if (ModelFamilies.Find(Model) is null) return ValidationResult.Error($"--model: unknown model '{Model}' (expected one of {string.Join(", ", ModelFamilies.Kinds)})");
        try
        {
            Spec(140);
        }
        catch (ArgumentException e)
        {
            return ValidationResult.Error(LibraryErrors.Describe(e));
        }
        if ((TrainFile is null) != (TestFile is null)) return ValidationResult.Error("--train-file and --test-file go together");
        if (Record is not null && TrainFile is not null) return ValidationResult.Error("--record and --train-file exclude each other");
        if (!(Minutes > 0 && Minutes <= 100_000)) return ValidationResult.Error($"--minutes must be above 0 (got {Minutes})");
        try { Signals.BeatWindow.Parse(BeatWindow); }
        catch (FormatException e) { return ValidationResult.Error($"--beat-window: {e.Message}"); }
        if (Protocol is not ("seed" or "official")) return ValidationResult.Error($"--protocol: unknown protocol '{Protocol}' (expected seed or official)");
        if (Epochs is < 1 or > 100_000) return ValidationResult.Error($"--epochs must be between 1 and 100000 (got {Epochs})");
        if (Batch is < 1 or > 1_000_000) return ValidationResult.Error($"--batch must be between 1 and 1000000 (got {Batch})");
        if (!(LearningRate > 0 && LearningRate <= 10)) return ValidationResult.Error($"--lr must be above 0 and at most 10 (got {LearningRate})");
        if (!Detection.ThresholdPolicy.TryParse(ThresholdPolicy, out _, out var policyError)) return ValidationResult.Error($"--threshold-policy: {policyError}");
        if (Device is not "auto" and not "cpu" && !Device.StartsWith("cuda", StringComparison.Ordinal))
            return ValidationResult.Error($"--device: unknown device '{Device}' (expected auto, cpu or cuda[:N])");
        if (!KernelNames.TryParse(Kernel, out _)) return ValidationResult.Error($"--kernel: unknown kernel '{Kernel}' (expected {KernelNames.Expected})");
        if (Threads is < 0 or > 1024) return ValidationResult.Error($"--threads must be between 0 and 1024 (got {Threads})");
        return ValidationResult.Success();
    }
}
