using System.Runtime.InteropServices;
using EcgAnomaly.Cli.Commands;
using EcgAnomaly.Cli.Internal;
using EcgAnomaly.IO;
using Spectre.Console;
using Spectre.Console.Cli;

namespace EcgAnomaly.Cli;

/// <summary>
/// The command line: verbs, and the one place where expected failures become one line on stderr and an exit code
/// (2 for bad input or usage, 1 for other failures, 130 when interrupted) instead of a stack trace; a database
/// evaluation that could not read every record says so by its own code, 3. A library's
/// argument error is told in the CLI's words there too: the flag, not the library's parameter name.
/// </summary>
public static class EcgAnomalyApp
{
    /// <summary>Exit code for bad input or usage: an unknown option, a malformed file, an argument out of range.</summary>
    public const int BadInput = 2;

    /// <summary>Exit code for other expected failures: a download or file system error, an operation that cannot run.</summary>
    public const int Failure = 1;

    /// <summary>
    /// Exit code of evaluate-database and merge-shards when some record could not be evaluated: the report is written, with
    /// those records and their errors, but is not the whole database's.
    /// </summary>
    public const int SomeRecordsFailed = 3;

    /// <summary>Exit code when the user interrupted the run (Ctrl+C, as a shell reports SIGINT).</summary>
    public const int Interrupted = 130;

    /// <summary>Runs the command line: parses <paramref name="args"/>, runs the verb and returns its exit code.</summary>
    /// <param name="args">The arguments as typed after <c>ecg-anomaly</c>.</param>
    /// <param name="console">Where commands write their output; the terminal when null (tests pass a recording console).</param>
    /// <param name="error">Where the one-line message of an expected failure goes; standard error when null.</param>
    /// <returns>0 on success, else <see cref="BadInput"/>, <see cref="Failure"/> or <see cref="Interrupted"/>.</returns>
    public static int Run(string[] args, IAnsiConsole? console = null, TextWriter? error = null)
    {
        error ??= Console.Error;
        var app = new CommandApp();
        app.Configure(config =>
        {
            config.SetApplicationName("ecg-anomaly");
            config.PropagateExceptions();
            config.UseStrictParsing();
            if (console is not null) config.ConfigureConsole(console);
            config.AddCommand<TrainCommand>("train")
                .WithDescription(
                    "Train an autoencoder on normal beats, evaluate it and write a run folder (weights, metrics, plots, report).")
                .WithExample("train", "--model", "lstm", "--embedding", "32")
                .WithExample("train", "--epochs", "5", "--seed", "1", "--out", "runs/quick");
            config.AddCommand<BenchCommand>("bench")
                .WithDescription(
                    "Time training epochs and scoring throughput on the seed protocol, per engine, and report medians and peak memory.")
                .WithExample("bench", "--embedding", "32", "--engine", "all", "--epochs", "5")
                .WithExample("bench", "--threads", "1", "--json", "bench.json");
            config.AddCommand<ScoreCommand>("score")
                .WithDescription(
                    "Score new beats with a trained run folder: one CSV row per beat (score, threshold, verdict), streamed in batches.")
                .WithExample("score", "--model", "runs/lstm32", "--input", "beats.csv", "--output", "scores.csv");
            config.AddCommand<EvaluateCommand>("evaluate")
                .WithDescription(
                    "Evaluate a trained run folder on labelled beats: "
                    + "ROC/PR AUC, confusion, precision/recall/F1, per-class detection, plots.")
                .WithExample("evaluate", "--model", "runs/lstm32", "--input", "ECG5000_TEST.tsv", "--out", "eval-test");
            config.AddCommand<ImportCommand>("import")
                .WithDescription(
                    "Turn a PyTorch state dict of the study's LSTM autoencoder into a run folder "
                    + "(threshold from ECG5000 validation normals).")
                .WithExample("import", "--pytorch", "weights.pt", "--model", "lstm", "--embedding", "32", "--out", "runs/imported");
            config.AddCommand<ModelsCommand>("models")
                .WithDescription(
                    "List the model catalogue: the study's ten configurations and the new Transformer, with parameter counts.");
            config.AddCommand<ReproduceCommand>("reproduce")
                .WithDescription(
                    "Rebuild the study's results table: every configuration x seed, results.md and results.json; resumable after a kill.")
                .WithExample("reproduce", "--only", "lstm32,transformer-ae", "--seeds", "3")
                .WithExample("reproduce", "--epochs", "5", "--out", "reproduce-quick");
            config.AddCommand<DetectBeatsCommand>("detect-beats")
                .WithDescription(
                    "Find the R peaks of a WFDB recording; "
                    + "with reference annotations, print sensitivity and positive predictivity (150 ms window).")
                .WithExample("detect-beats", "--record", "data/raw-ecg/mitdb/100", "--lead", "MLII");
            config.AddCommand<RecordCommand>("record")
                .WithDescription(
                    "Score every beat of a WFDB recording with a trained run: "
                    + "beats.csv, summary.md (AUC per AAMI class when annotated), score and ECG strip plots.")
                .WithExample("record", "--model", "runs/800-first5min", "--record", "data/raw-ecg/svdb/800", "--out", "record-800");
            config.AddCommand<BenchRecordCommand>("bench-record")
                .WithDescription(
                    "Time reading, QRS detection, beat cutting and scoring of a long synthetic recording "
                    + "(default 24 h, two leads at 360 Hz) and report minutes per 24 h and peak memory.")
                .WithExample("bench-record", "--hours", "24");
            config.AddCommand<EvaluateDatabaseCommand>("evaluate-database")
                .WithDescription(
                    "Detect the beats of every annotated record of a database (or of shard K/N) and compare them with the "
                    + "reference by ANSI/AAMI EC57 as WFDB's bxb (150 ms window, 5-minute learning period): report.md and .json, "
                    + "records.csv, records/<name>.json, qrs-per-record.png. With --detector per-patient, a model trained on "
                    + "each record's first minutes flags the later beats instead: VEB and SVEB statistics and ROC AUCs "
                    + "(ectopic-per-record.png). Exit code "
                    + "0 when every record was evaluated (or skipped), 3 when some failed (they are listed in the report with "
                    + "their errors), 2 for bad input.")
                .WithExample("evaluate-database", "--database", "data/raw-ecg/mitdb", "--out", "mitdb-qrs")
                .WithExample("evaluate-database", "--database", "data/raw-ecg/mitdb", "--shard", "2/8", "--out", "shards/2")
                .WithExample("evaluate-database", "--database", "data/raw-ecg/mitdb", "--detector", "per-patient", "--out", "mitdb-pp");
            config.AddCommand<MergeShardsCommand>("merge-shards")
                .WithDescription(
                    "Merge the output folders of 'evaluate-database --shard K/N' (every K) into the report an unsharded run writes. "
                    + "Exit code 0 when every record was evaluated, 3 when some failed, 2 when the folders do not add up.")
                .WithExample("merge-shards", "shards/1", "shards/2", "shards/3", "--out", "mitdb-qrs");
            config.AddCommand<FitEctopyCommand>("fit-ectopy")
                .WithDescription(
                    "Learn the population classifier of V and S beats (logistic regressions over each beat's reconstruction error, "
                    + "QRS correlation with the patient's dominant shape, rhythm and QRS shape group) from the labelled beats of a "
                    + "per-patient evaluate-database run, for example its DS1 records to evaluate the DS2 ones.")
                .WithExample("fit-ectopy", "--from", "mitdb-pp", "--records", "101,106,108", "--out", "ectopy-ds1.json");
            config.AddCommand<ServeCommand>("serve")
                .WithDescription(
                    "Serve the scoring API (POST /api/score with beats as JSON or CSV returns what 'score' writes; GET /api/models; "
                    + "OpenAPI at /openapi/v1.json, an interactive page at /api/docs) for the run folders under --runs, on "
                    + "127.0.0.1 unless --host says otherwise (then only with an API key). Ctrl-C stops it.")
                .WithExample("serve", "--runs", "runs", "--port", "5057");
            config.AddCommand<BenchServeCommand>("bench-serve")
                .WithDescription(
                    "Load benchmark of the scoring API: a serve host on a free loopback port, a bounded number of POST /api/score "
                    + "requests per batch size and client count, throughput, p50/p99 latency, errors and peak memory, beside the "
                    + "same model scoring in-process. Exit code 3 when any request failed.")
                .WithExample("bench-serve", "--runs", "runs", "--model", "lstm32");
            config.AddCommand<DownloadCommand>("download")
                .WithDescription("Download ECG5000 from the UCR/UEA archive into the per-user cache, checking every file's sha256.")
                .WithExample("download");
        });
        try
        {
            // Spectre hands every command a token but cancels it on no signal: this scope turns Ctrl-C and SIGTERM into
            // that token's cancellation, for every verb, so each one stops, removes what it staged and exits 130.
            using var interrupt = new InterruptScope(CancellationToken.None);
            return app.Run(JoinDashValues(args), interrupt.Token);
        }
        catch (Exception e) when (ExitCodeFor(e) is int code)
        {
            error.WriteLine($"ecg-anomaly: {OneLine(e)}");
            return code;
        }
    }

    /// <summary>
    /// "--input -" (standard input) becomes "--input=-": Spectre's parser reads a lone "-" as an option without a name.
    /// </summary>
    private static string[] JoinDashValues(string[] args)
    {
        var joined = new List<string>(args.Length);
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i].StartsWith("--", StringComparison.Ordinal) && !args[i].Contains('=') && i + 1 < args.Length && args[i + 1] == "-")
            {
                joined.Add(args[i] + "=-");
                i++;
            }
            else
            {
                joined.Add(args[i]);
            }
        }
        return [.. joined];
    }

    private static int? ExitCodeFor(Exception e) => e switch
    {
        DataFormatException or OutputFolderException or OutputPathException or CommandAppException
            or ArgumentException or FormatException or NotSupportedException => BadInput,
        OperationCanceledException => Interrupted,
        HttpRequestException or IOException or UnauthorizedAccessException or InvalidOperationException => Failure,
        // libtorch's failures that TorchSharp catches come as ExternalException. Some native calls (matmul here) let
        // c10::Error escape and abort the process before any handler runs: the model limits are what prevent those.
        ExternalException or OutOfMemoryException => Failure,
        _ => null,
    };

    private static string FirstLine(string message) =>
        message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "";

    private static string OneLine(Exception e)
    {
        var message = e switch
        {
            OperationCanceledException => "interrupted; no output was written",
            // The library names its own parameters; the user should read the flag they typed.
            ArgumentException argument => ArgumentMessage.Of(argument),
            // libtorch appends dozens of native stack frames after its first line; the first line says what failed.
            ExternalException native => $"libtorch: {FirstLine(native.Message)}",
            OutOfMemoryException => "out of memory; use smaller model sizes, shorter beats or a smaller --batch",
            _ => e.Message,
        };
        return string.Join(" ", message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }
}
