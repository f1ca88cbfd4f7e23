using System.ComponentModel;
using System.Globalization;
using EcgAnomaly.Cli.Options;
using Spectre.Console;
using Spectre.Console.Cli;

namespace EcgAnomaly.Cli.Commands;

/// <summary><c>bench-serve</c>: the model to serve, the beats to send and the grid of batch sizes and clients.</summary>
internal sealed class BenchServeSettings : CommandSettings
{
    [CommandOption("--runs <DIR>")]
    [Description("Folder of run folders to serve (as serve --runs).")]
    [DefaultValue("runs")]
    public string Runs { get; init; } = "runs";

    [CommandOption("--model <NAME>")]
    [Description("The run folder (by name) the requests score with. Default: the only one under --runs.")]
    public string? Model { get; init; }

    [CommandOption("--batch <LIST>")]
    [Description("Beats per request, comma-separated.")]
    [DefaultValue("32,512")]
    public string Batch { get; init; } = "32,512";

    [CommandOption("--clients <LIST>")]
    [Description("Concurrent clients, comma-separated.")]
    [DefaultValue("1,8,64")]
    public string Clients { get; init; } = "1,8,64";

    [CommandOption("--beats <N>")]
    [Description("Beats each cell sends in all (whole requests, at least one per client): the bound on the traffic.")]
    [DefaultValue(20_000)]
    public int Beats { get; init; } = 20_000;

    [CommandOption(DataOption.Template)]
    [Description(DataOption.Description + " The beats sent are ECG5000's test beats.")]
    public string? Data { get; init; }

    [CommandOption("--json <FILE>")]
    [Description("Also write the results as JSON to FILE (written whole or not at all).")]
    public string? Json { get; init; }

    public IReadOnlyList<int> BatchSizes => Numbers(Batch);

    public IReadOnlyList<int> ClientCounts => Numbers(Clients);

    public override ValidationResult Validate()
    {
        var data = DataOption.Validate(Data);
        if (!data.Successful) return data;
        if (!Directory.Exists(Runs)) return ValidationResult.Error($"--runs {Runs}: no such folder");
        if (!Valid(Batch, 1, 100_000))
            return ValidationResult.Error($"--batch: whole numbers 1-100000 separated by commas (got '{Batch}')");
        if (!Valid(Clients, 1, 512))
            return ValidationResult.Error($"--clients: whole numbers 1-512 separated by commas (got '{Clients}')");
        if (Beats is < 1 or > 10_000_000) return ValidationResult.Error($"--beats must be between 1 and 10000000 (got {Beats})");
        return ValidationResult.Success();
    }

    private static bool Valid(string list, int min, int max) =>
        list.Split(',', StringSplitOptions.TrimEntries).All(v =>
            int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max);

    private static int[] Numbers(string list) =>
        [.. list.Split(',', StringSplitOptions.TrimEntries).Select(v => int.Parse(v, CultureInfo.InvariantCulture))];
}
