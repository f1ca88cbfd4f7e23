using System.Text;
using EcgAnomaly.Training;

namespace EcgAnomaly.Tests.Hostile;

/// <summary>
/// Outputs that would destroy an input, cannot be written, or would only fail after the work (issue 11); the harness
/// also checks that nothing appears, so a refused output in a folder that does not exist yet must not create it.
/// </summary>
public sealed class OutputCasesTest
{
    public static TheoryData<HostileCase> Cases() =>
    [
        new("score --output is the --input", w => Score(w, w.Write("beats.csv", Beats), w.PathOf("beats.csv")), 2, "beats.csv"),
        new("score --output is a file of the model", w =>
        {
            var run = w.Run();
            return ["score", "--model", run, "--input", w.Write("beats.csv", Beats), "--output", Path.Combine(run, "model.json")];
        }, 2, "model.json"),
        new("score --output reaches the input through a link", w =>
        {
            var input = w.Write("data/beats.csv", Beats);
            Directory.CreateSymbolicLink(w.PathOf("alias"), w.PathOf("data"));
            return Score(w, input, w.PathOf("alias", "beats.csv"));
        }, 2, "beats.csv"),
        new("score --output is an existing folder", w =>
        {
            Directory.CreateDirectory(w.PathOf("scores"));
            return Score(w, w.Write("beats.csv", Beats), w.PathOf("scores"));
        }, 2, "folder"),
        new("score --output under a file", w => Score(w, w.Write("beats.csv", Beats), w.PathOf("beats.csv", "scores.csv")), 2, "is a file"),
        new("score fails with --output in new folders", w =>
            Score(w, w.Write("bad.csv", "1,2,x\n"), w.PathOf("new", "deeper", "scores.csv")), 2, "bad.csv:1"),
        new("detect-beats --output is the record's header", w =>
            ["detect-beats", "--record", w.Record("svdb/800"), "--output", w.PathOf("record", "800.hea")], 2, "800.hea"),
        new("detect-beats --output is the record's annotations", w =>
            ["detect-beats", "--record", w.Record("svdb/800"), "--output", w.PathOf("record", "800.atr")], 2, "800.atr"),
        new("detect-beats --output is an existing folder", w =>
        {
            var record = w.Record("svdb/800");
            Directory.CreateDirectory(w.PathOf("peaks"));
            return ["detect-beats", "--record", record, "--output", w.PathOf("peaks")];
        }, 2, "folder"),
        new("record --out holds the record", w =>
            ["record", "--model", w.Run(), "--record", w.Record("svdb/800", "new/rec"), "--out", w.PathOf("new")], 2, "output folder"),
        new("evaluate --out is the input file", w =>
        {
            var input = w.Write("beats.tsv", "1\t1\t2\t3\n2\t3\t2\t1\n");
            return ["evaluate", "--model", w.Run(), "--input", input, "--out", input];
        }, 2, "beats.tsv"),
        new("train --out under a file", w =>
        {
            var file = w.Write("notes.txt", "a file");
            return ["train", "--data", TestData.DataRoot, "--epochs", "1", "--embedding", "8", "--out", Path.Combine(file, "run")];
        }, 2, "is a file"),
        new("evaluate --out under a file", w =>
        {
            var input = w.Write("beats.tsv", "1\t1\t2\t3\n2\t3\t2\t1\n");
            return ["evaluate", "--model", w.Run(), "--input", input, "--out", Path.Combine(input, "eval")];
        }, 2, "is a file"),
        new("bench --json is an existing folder", w =>
        {
            Directory.CreateDirectory(w.PathOf("bench.json"));
            return ["bench", "--data", TestData.DataRoot, "--epochs", "1", "--json", w.PathOf("bench.json")];
        }, 2, "folder"),
        new("train --record whose --minutes leave no test beat", w =>
            ["train", "--record", w.Record("svdb/800"), "--minutes", "29.99", "--epochs", "1", "--out", w.PathOf("new", "run")],
            2, "--minutes"),
        new("reproduce resumes a checkpoint made with other --epochs", w =>
        {
            FakeCheckpoint(w.PathOf("rep", "checkpoints", "lstm32-seed1"), epochs: 5);
            return
            [
                "reproduce", "--only", "lstm32", "--seeds", "1", "--epochs", "3", "--data", TestData.DataRoot, "--out", w.PathOf("rep"),
            ];
        }, 2, "epochs 5, now 3"),
        new("score --input - with standard input closed", w => Score(w, "-", w.PathOf("new", "scores.csv")),
            2, "standard input is closed", InProcess: false, ClosedInput: true),
    ];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Should_exit_with_one_line_and_leave_everything_as_it_was_When_the_output_is_hostile(HostileCase hostile) =>
        HostileRunner.Check(hostile);

    /// <summary>Three beats of the fixture model's length (140 samples).</summary>
    private static string Beats => string.Concat(Enumerable.Repeat(string.Join(",", Enumerable.Repeat("0.5", 140)) + "\n", 3));

    private static string[] Score(HostileWorkspace workspace, string input, string output) =>
        ["score", "--model", workspace.Run(), "--input", input, "--output", output];

    /// <summary>A checkpoint with one finished epoch of a run started with <paramref name="epochs"/> epochs.</summary>
    private static void FakeCheckpoint(string folder, int epochs)
    {
        var settings = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["epochs"] = epochs.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        CheckpointStore.WriteSettings(folder, settings);
        Directory.CreateDirectory(Path.Combine(folder, "current"));
        using var writer = new BinaryWriter(File.Create(Path.Combine(folder, "current", "state.bin")), Encoding.UTF8);
        writer.Write(1); // format version
        writer.Write(1); // last finished epoch
    }
}
