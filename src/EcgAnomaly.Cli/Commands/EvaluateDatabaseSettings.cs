using System.ComponentModel;
using EcgAnomaly.Cli.Options;
using EcgAnomaly.Databases;
using Spectre.Console;
using Spectre.Console.Cli;

namespace EcgAnomaly.Cli.Commands;

/// <summary><c>evaluate-database</c>: which records of which database, on which lead, how many at once, and where.</summary>
internal sealed class EvaluateDatabaseSettings : CommandSettings
{
    [CommandOption("--database <DIR>")]
    [Description("A database folder as PhysioNet lays it out (e.g. data/raw-ecg/mitdb): the records its RECORDS file lists, or "
        + "without one every .hea that has a .atr beside it.")]
    public string Database { get; init; } = "";

    [CommandOption("--records <LIST>")]
    [Description("Only these records, comma-separated (e.g. 100,101,105). Default: every annotated record.")]
    public string? Records { get; init; }

    [CommandOption("--lead <NAME>")]
    [Description("The lead to detect on in every record, by name (e.g. MLII) or 0-based number. Default: each record's ECG lead "
        + "chosen by its description, in the order MLII, ECG, II, V1-V6, I, III, aVR, aVL, aVF. A record without it fails.")]
    public string? Lead { get; init; }

    [CommandOption("--shard <K/N>")]
    [Description("Evaluate only shard K of N (K from 1): the records whose index in sorted order, modulo N, is K-1. The N "
        + "shards are disjoint and cover every record; merge their folders with 'merge-shards'.")]
    public string? Shard { get; init; }

    [CommandOption("--parallel <N>")]
    [Description("Records evaluated at once. Default: the number of processors.")]
    public int? Parallel { get; init; }

    [CommandOption("--detector <NAME>")]
    [Description("qrs: the QRS detector, every beat labelled N (QRS detection statistics). per-patient: for each record the default "
        + "model (LSTM autoencoder, embedding 32) trained on the beats of its first --minutes, every later beat above its threshold "
        + "flagged and labelled V for the VEB statistics and S for the SVEB statistics; records with paced beats are skipped.")]
    [DefaultValue("qrs")]
    public string Detector { get; init; } = "qrs";

    [CommandOption(TrainingBeatsOption.Template)]
    [Description("With --detector per-patient: " + TrainingBeatsOption.Description)]
    public string? TrainingBeats { get; init; }

    [CommandOption("--ectopy <FILES>")]
    [Description("With --detector per-patient: classifier files of 'fit-ectopy', comma-separated, that label each scored beat V, S "
        + "or N (from its reconstruction error, QRS correlation with the dominant shape, rhythm and QRS shape group); each record is "
        + "labelled by the first file that did not learn from it, so two files fitted on DS1 and DS2 evaluate every record "
        + "with the other fold's. Without it flagged beats count as V and as S.")]
    public string? Ectopy { get; init; }

    [CommandOption("--only-normal")]
    [Description("With --detector per-patient: learn only from beats annotated AAMI N in the reference (what a "
        + "label-free --training-beats is compared with).")]
    public bool OnlyNormal { get; init; }

    [CommandOption("--minutes <M>")]
    [Description("With --detector per-patient: minutes at the start of each record to learn from; scoring starts after them "
        + "(default 5, EC57's learning period).")]
    public double? Minutes { get; init; }

    [CommandOption("--epochs <N>")]
    [Description("With --detector per-patient: training epochs per record (default 150, as train).")]
    public int? Epochs { get; init; }

    [CommandOption("--seed <N>")]
    [Description("With --detector per-patient: seeds each record's train/validation split, weights and batch order (default 777, "
        + "as train).")]
    public int? Seed { get; init; }

    [CommandOption("--out <DIR>")]
    [Description("Folder to create for report.md, report.json, records.csv, records/<name>.json and qrs-per-record.png "
        + "(and ectopic-per-record.png with --detector per-patient; default: evaluate-<database>, or "
        + "evaluate-<database>-shard-K-of-N); it appears only when complete. An existing non-empty folder is refused.")]
    public string? Out { get; init; }

    public bool PerPatient => Detector == "per-patient";

    /// <summary>The per-patient protocol these options ask for (the defaults are train's).</summary>
    public PerPatientProtocol PerPatientProtocol
    {
        get
        {
            var defaults = new PerPatientProtocol();
            return new PerPatientProtocol
            {
                Minutes = Minutes ?? defaults.Minutes,
                Epochs = Epochs ?? defaults.Epochs,
                Seed = Seed ?? defaults.Seed,
                TrainingBeats = TrainingBeatsOption.Resolve(TrainingBeats, OnlyNormal),
                Ectopy = Ectopy,
            };
        }
    }

    public ShardSelection? ShardSelection => Shard is null ? null : Databases.ShardSelection.Parse(Shard);

    public override ValidationResult Validate()
    {
        if (string.IsNullOrWhiteSpace(Database)) return ValidationResult.Error("--database is required (a database folder)");
        if (Records is not null && string.IsNullOrWhiteSpace(Records.Replace(",", "", StringComparison.Ordinal)))
            return ValidationResult.Error("--records names no record (give names separated by commas, e.g. 100,101)");
        if (Shard is not null)
        {
            try { Databases.ShardSelection.Parse(Shard); }
            catch (FormatException e) { return ValidationResult.Error($"--shard: {e.Message}"); }
        }
        if (Detector is not ("qrs" or "per-patient"))
            return ValidationResult.Error($"--detector: unknown detector '{Detector}' (expected qrs or per-patient)");
        var perPatientOptions = new (bool Given, string Name)[]
        {
            (OnlyNormal, "--only-normal"), (TrainingBeats is not null, "--training-beats"), (Minutes is not null, "--minutes"),
            (Epochs is not null, "--epochs"), (Seed is not null, "--seed"), (Ectopy is not null, "--ectopy"),
        };
        if (!PerPatient && perPatientOptions.FirstOrDefault(o => o.Given) is { Given: true, Name: var option })
        {
            return ValidationResult.Error($"{option} goes with --detector per-patient");
        }
        if (TrainingBeatsOption.Validate(TrainingBeats, OnlyNormal) is { Successful: false } beats) return beats;
        if (Minutes is not null && !(Minutes > 0 && Minutes <= InputLimits.MaxRecordMinutes))
            return ValidationResult.Error($"--minutes must be above 0 and no more than {InputLimits.MaxRecordMinutes:0} (got {Minutes})");
        if (Epochs is < 1 or > 100_000) return ValidationResult.Error($"--epochs must be between 1 and 100000 (got {Epochs})");
        if (Parallel is < 1 or > 4096) return ValidationResult.Error($"--parallel must be between 1 and 4096 (got {Parallel})");
        return ValidationResult.Success();
    }
}
