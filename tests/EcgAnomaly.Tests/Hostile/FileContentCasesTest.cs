using System.Text;
using System.Text.Json.Nodes;

namespace EcgAnomaly.Tests.Hostile;

/// <summary>
/// Hostile file contents (issue 11): files named inside an input that lie outside its folder or are not regular files,
/// fields of our own files that are null, of the wrong kind or out of range. Each is refused in one line naming the file.
/// </summary>
[Collection(SharedTorch.Name)]
public sealed class FileContentCasesTest
{
    private const string RecordBlock = """{"name":"100","lead":"MLII","minutes":1e300,"onlyNormal":false,"beatWindow":"rr"}""";

    public static TheoryData<HostileCase> Cases() =>
    [
        // files named inside an input resolve inside its folder and are regular files
        new("a header whose signal file is /etc/passwd", w => Record(w, HostileFiles.RecordNaming(w, "/etc/passwd")),
            2, "100.hea:2: the signal file '/etc/passwd' is an absolute path"),
        new("a header whose signal file escapes with ../", w => Record(w, HostileFiles.RecordNaming(w, "../../../../etc/passwd")),
            2, "is outside the folder of 100.hea"),
        new("a header whose signal file is a symbolic link out of its folder", w =>
        {
            var record = HostileFiles.RecordNaming(w, "link.dat");
            File.CreateSymbolicLink(w.PathOf("record", "link.dat"), "/etc/passwd");
            return Record(w, record);
        }, 2, "is a symbolic link to a file outside"),
        new("a header whose signal file is a FIFO", w =>
        {
            var record = HostileFiles.RecordNaming(w, "fifo.dat");
            HostileFiles.Fifo(w.PathOf("record", "fifo.dat"));
            return Record(w, record);
        }, 2, "is a FIFO", InProcess: false),
        new("a record whose annotation file is a FIFO", w =>
        {
            var record = w.Record("mitdb/100");
            File.Delete(record + ".atr");
            HostileFiles.Fifo(record + ".atr");
            return Record(w, record);
        }, 2, "100.atr: is a FIFO", InProcess: false),
        new("a record whose header is a FIFO", w =>
        {
            var record = w.Record("mitdb/100");
            File.Delete(record + ".hea");
            HostileFiles.Fifo(record + ".hea");
            return ["detect-beats", "--record", record];
        }, 2, "100.hea: is a FIFO", InProcess: false),
        new("model.json whose weights are an absolute path",
            w => Score(w, HostileFiles.RunWithManifest(w, m => m["weights"] = "/etc/passwd")),
            2, "the weights file '/etc/passwd' is an absolute path"),
        new("model.json whose weights escape with ../", w =>
        {
            var run = HostileFiles.RunWithManifest(w, m => m["weights"] = "../model.pt");
            File.Copy(Path.Combine(run, "model.pt"), w.PathOf("model.pt"));
            return Score(w, run);
        }, 2, "the weights file '../model.pt' is outside the folder of model.json"),
        new("model.json whose weights are a symbolic link out of the run", w =>
        {
            var run = HostileFiles.RunWithManifest(w, m => m["weights"] = "link.pt");
            File.CreateSymbolicLink(Path.Combine(run, "link.pt"), "/etc/passwd");
            return Score(w, run);
        }, 2, "is a symbolic link to a file outside"),
        new("model.json whose weights are a FIFO", w =>
        {
            var run = HostileFiles.RunWithManifest(w, m => m["weights"] = "fifo.pt");
            HostileFiles.Fifo(Path.Combine(run, "fifo.pt"));
            return Score(w, run);
        }, 2, "the weights file 'fifo.pt' is a FIFO", InProcess: false),

        // every field of model.json checked, with exit code 2 and the file named
        new("model.json with a null threshold (score)", w => Score(w, HostileFiles.RunWithManifest(w, m => m["threshold"] = null)),
            2, "model.json: no threshold"),
        new("model.json with a null threshold (evaluate)", w => Evaluate(w, HostileFiles.RunWithManifest(w, m => m["threshold"] = null)),
            2, "model.json: no threshold"),
        new("model.json whose root is null", w => Score(w, HostileFiles.RunWithManifestText(w, "null")),
            2, "model.json: not a valid model.json"),
        new("model.json whose root is a string", w => Score(w, HostileFiles.RunWithManifestText(w, "\"lstm\"")), 2, "its root is a string"),
        new("model.json whose root is an array", w => Score(w, HostileFiles.RunWithManifestText(w, "[1, 2]")), 2, "its root is an array"),
        new("model.json whose formatVersion is a string", w => Score(w, HostileFiles.RunWithManifest(w, m => m["formatVersion"] = "1")),
            2, "model.json: formatVersion is a string"),
        new("model.json without weights", w => Score(w, HostileFiles.RunWithManifest(w, m => m["weights"] = null)),
            2, "model.json: no weights file name"),
        new("record with a model of 5-sample beats", w => Record(w, w.Record("mitdb/100"),
                HostileFiles.RunWithManifest(w, m => m["architecture"]!["beatLength"] = 5)),
            2, "model.json: the model's beats have 5 samples"),
        new("model.json whose record block says 1e300 minutes", w => Record(w, w.Record("mitdb/100"), HostileFiles.RunWithManifest(w,
                m => m["record"] = JsonNode.Parse(RecordBlock))),
            2, "record.minutes must be above 0 and no more than"),
        new("model.json whose record block names unknown training beats", w => Record(w, w.Record("mitdb/100"),
                HostileFiles.RunWithManifest(w, m => m["record"] = JsonNode.Parse(
                    RecordBlock.Replace("1e300", "5", StringComparison.Ordinal).Replace("}", ""","trainingBeats":"most"}""",
                        StringComparison.Ordinal)))),
            2, "record.trainingBeats: unknown training beats 'most'"),
        new("model.json whose record block has a shape share above 1", w => Record(w, w.Record("mitdb/100"),
                HostileFiles.RunWithManifest(w, m => m["record"] = JsonNode.Parse(
                    RecordBlock.Replace("1e300", "5", StringComparison.Ordinal).Replace("}", ""","shapeShares":[0.5,7]}""",
                        StringComparison.Ordinal)))),
            2, "record.shapeShares must be no more than 100 shares, each between 0 and 1"),

        // values parsed from the command line and headers, bounded where they are read
        new("record --from 1e11 minutes", w => [.. Record(w, w.Record("mitdb/100")), "--from", "1e11"], 2, "--from must be between 0"),
        new("a header whose sampling frequency the QRS detector cannot take", w =>
        {
            var record = w.Record("mitdb/100");
            File.WriteAllText(record + ".hea", File.ReadAllText(record + ".hea").Replace("100 2 360 650000", "100 2 10 650000"));
            return ["detect-beats", "--record", record];
        }, 2, "100.hea:1: sampling frequency 10 Hz"),
        new("a header declaring 5000 signals", w => ["detect-beats", "--record", Header(w, "big 5000 360 1000\n")],
            2, "big.hea:1: the number of signals must be between 0 and 1,000"),
        new("bench-record of a record with no signals", w => ["bench-record", "--source", Header(w, "zero 0 360 0\n")],
            2, "zero.hea:1: the record has no signals"),
        new("bench-record of a record with no samples", w =>
        {
            w.WriteBytes("zero/zero.dat", []);
            return ["bench-record", "--source", Header(w, "zero 1 360\nzero.dat 212 200 11 1024 0 0 0 I\n")];
        }, 2, "zero.hea:1: the record has no samples"),
        new("bench-record of a 100 kHz record, 24 h of which would fill the disk", w =>
        {
            w.WriteBytes("fast/fast.dat", new byte[20]);
            return ["bench-record", "--source", Header(w, "fast 1 100000 10\nfast.dat 16 200 16 0 0 0 0 I\n")];
        }, 2, "fast.hea:1: 24 h of 1 signal(s) of 100000 Hz would be 8640000000 samples"),
        new("a run whose validation-scores.csv is UTF-16 without a byte-order mark", w =>
        {
            var run = w.Run();
            File.WriteAllBytes(Path.Combine(run, "validation-scores.csv"), Encoding.Unicode.GetBytes("score\n1.5\n"));
            return Score(w, run);
        }, 2, "validation-scores.csv:1: contains NUL characters"),
        new("UTF-16 beats without a byte-order mark",
            w => Score(w, w.Run(), w.WriteBytes("beats.csv", Encoding.Unicode.GetBytes("1,2,3\n"))),
            2, "beats.csv:1: contains NUL characters"),
    ];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Should_exit_with_one_line_naming_the_file_When_a_file_holds_hostile_contents(HostileCase hostile) =>
        HostileRunner.Check(hostile);

    private static string[] Score(HostileWorkspace w, string run, string? input = null) =>
        ["score", "--model", run, "--input", input ?? w.Write("beats.csv", "1,2,3\n"), "--resample", "--output", w.PathOf("scores.csv")];

    private static string[] Evaluate(HostileWorkspace w, string run) =>
        ["evaluate", "--model", run, "--input", Path.Combine(TestData.DataRoot, "ECG5000", "ECG5000_TEST.tsv"), "--out", w.PathOf("eval")];

    private static string[] Record(HostileWorkspace w, string record, string? run = null) =>
        ["record", "--model", run ?? w.Run(), "--record", record, "--out", w.PathOf("out")];

    /// <summary>A record folder holding only the header <paramref name="text"/>; its record path.</summary>
    private static string Header(HostileWorkspace w, string text)
    {
        var name = text[..text.IndexOf(' ')];
        w.Write(Path.Combine(name, name + ".hea"), text);
        return w.PathOf(name, name);
    }
}
