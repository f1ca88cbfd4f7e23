using System.Text.Json.Nodes;
using EcgAnomaly.Data;
using EcgAnomaly.Models;
using EcgAnomaly.Runs;
using EcgAnomaly.Tests.Cli;
using EcgAnomaly.Training;

namespace EcgAnomaly.Tests.Hostile;

/// <summary>
/// Small hostile files that used to exhaust memory or crash (issue 11): each must be refused by a stated bound, before
/// anything large is allocated. Those that would take memory run as a real process, so that a missing bound shows as a
/// crash or a timeout there rather than in the test process.
/// </summary>
[Collection(SharedTorch.Name)]
public sealed class LimitCasesTest
{
    private const string HugePatchTransformer =
        """{"kind":"transformer-ae","beatLength":140,"inputDim":4096,"feedForwardDim":65536,"heads":4,"layers":64}""";

    public static TheoryData<HostileCase> Cases() =>
    [
        new("model.pt whose data.pkl inflates to 1.5 GB", w =>
        {
            var run = w.Run();
            HostileFiles.InflatingArchive(Path.Combine(run, "model.pt"), 1_500_000_000);
            return Score(w, run);
        }, 2, "model.pt: entry 'archive/data.pkl' inflates to 1,500,000,000 bytes", InProcess: false),
        new("model.json sizes in range but huge together", w =>
            Score(w, HostileFiles.RunWithManifest(w, m => m["architecture"] = JsonNode.Parse(HugePatchTransformer))),
            2, "would have 82,290,561,042 parameters", InProcess: false),
        new("model.json with beatLength 999999", w =>
            Score(w, HostileFiles.RunWithManifest(w, m => m["architecture"]!["beatLength"] = 999_999)),
            2, "model.json: cannot build the architecture (BeatLength must be between 2 and 10000)", InProcess: false),
        new("train options in range but huge together", _ =>
            ["train", "--model", "transformer-ae", "--input-dim", "4096", "--ff-dim", "65536", "--layers", "64", "--epochs", "1"],
            2, "would have 82,290,561,042 parameters", InProcess: false),
        new("the study's Transformer on 2,000-sample beats", w =>
        {
            var row = "1\t" + string.Join('\t', Enumerable.Repeat("0.5", 2000)) + "\n";
            var beats = w.Write("beats.tsv", string.Concat(Enumerable.Repeat(row, 8)));
            return ["train", "--model", "transformer", "--train-file", beats, "--test-file", beats, "--epochs", "1",
                "--out", w.PathOf("out")];
        }, 2, "MiB of working memory per beat; the limit is 128 MiB", InProcess: false),
        new("a CSV line longer than 1,000,000 characters", w =>
            Score(w, w.Run(), w.Write("beats.csv", string.Concat(Enumerable.Repeat("0,", 500_001)) + "0\n")),
            2, "beats.csv:1: line is longer than 1,000,000 characters", InProcess: false),
        new("a CSV row of 10,001 values",
            w => Score(w, w.Run(), w.Write("beats.csv", string.Join(',', Enumerable.Repeat("0", 10_001)) + "\n")),
            2, "beats.csv:1: row has more than 10,000 values"),
        new("a UCR row of 10,001 values", w =>
        {
            var beats = w.Write("beats.tsv", "1\t" + string.Join('\t', Enumerable.Repeat("0", 10_001)) + "\n");
            return ["evaluate", "--model", w.Run(), "--input", beats, "--out", w.PathOf("eval")];
        }, 2, "beats.tsv:1: row has more than 10,000 values"),

        // a finished run's metrics.json and an unfinished run's checkpoint, read by reproduce
        new("reproduce with a finished run's metrics.json null", w => Reproduce(w, metrics: "null"),
            2, "metrics.json: not a valid metrics.json"),
        new("reproduce with a finished run's metrics.json empty", w => Reproduce(w, metrics: ""), 2, "metrics.json"),
        new("reproduce with a finished run's metrics.json corrupt", w => Reproduce(w, metrics: "{\"rocAuc\": [tru"), 2, "metrics.json:1"),
    ];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Should_refuse_by_a_stated_bound_before_allocating_When_a_small_file_asks_for_too_much(HostileCase hostile) =>
        HostileRunner.Check(hostile);

    public static TheoryData<string, byte[]> Checkpoints() => new()
    {
        {
            "-5 values in tensor 'encoder.weight'", HostileFiles.Checkpoint(r =>
            {
                r.Write("encoder.weight");
                r.Write(-5);
            })
        },
        // A tensor name whose length prefix never ends: BinaryReader's "Too many bytes in what should have been a
        // 7-bit encoded integer", which named no file.
        { "checkpoint cannot be read", HostileFiles.Checkpoint(r => r.Write(new byte[] { 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF })) },
    };

    /// <summary>
    /// Not through <see cref="HostileRunner"/>: reproduce writes results.md before it reaches the unfinished run's
    /// checkpoint (what it leaves behind is another change's business); here only the one line and exit code count.
    /// </summary>
    [Theory]
    [MemberData(nameof(Checkpoints))]
    public void Should_exit_2_naming_the_checkpoint_When_its_lengths_are_corrupt(string words, byte[] checkpoint)
    {
        using var workspace = new HostileWorkspace();
        var (code, _, error) = CliRunner.Run(Reproduce(workspace, checkpoint: checkpoint));
        BadInputTest.AssertOneLineError(code, error, "state.bin: ");
        Assert.Contains(words, error);
    }

    private static string[] Score(HostileWorkspace w, string run, string? input = null) =>
        ["score", "--model", run, "--input", input ?? w.Write("beats.csv", "1,2,3\n"), "--resample", "--output", w.PathOf("scores.csv")];

    /// <summary>A reproduction folder with a finished lstm32 run (its metrics.json) or an unfinished one (its checkpoint).</summary>
    private static string[] Reproduce(HostileWorkspace w, string? metrics = null, byte[]? checkpoint = null)
    {
        if (metrics is not null) w.Write(Path.Combine("out", "runs", "lstm32-seed1", "metrics.json"), metrics);
        if (checkpoint is not null)
        {
            w.WriteBytes(Path.Combine("out", "checkpoints", "lstm32-seed1", "current", "state.bin"), checkpoint);
            // The run's own settings, so that resuming gets past the settings check to the corrupt state.
            var request = new ReproductionRequest(TestData.Ecg5000, ModelCatalogue.Select(["lstm32"]), 1,
                new TrainingOptions { Epochs = 1 }, EvaluationProtocol.Seed, w.PathOf("out"));
            CheckpointStore.WriteSettings(
                w.PathOf("out", "checkpoints", "lstm32-seed1"), Reproduction.Settings(request, request.Configurations[0], 1));
        }
        return ["reproduce", "--only", "lstm32", "--seeds", "1", "--epochs", "1", "--out", w.PathOf("out"), "--data", TestData.DataRoot];
    }
}
