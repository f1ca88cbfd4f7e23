using System.Text.Json;
using EcgAnomaly.Tests.Cli;

namespace EcgAnomaly.Tests.Databases;

/// <summary>
/// evaluate-database --detector per-patient on short runs (1 epoch, 1 minute of training): the report has its VEB and
/// SVEB rows, the counts account for every reference V and S beat of the test period, and the training labels are recorded.
/// </summary>
// Per-patient runs train in this process and set Torch's process-wide thread count: one Torch test at a time.
[Collection(SharedTorch.Name)]
public sealed class PerPatientEvaluationTest
{
    private const int Fs = 360;
    private const int VebCode = 5;

    private static string MitDb => Path.Combine(TestData.DataRoot, "raw-ecg", "mitdb");

    [Fact]
    public void Should_count_every_reference_V_and_S_beat_of_the_test_period_When_evaluating_per_patient()
    {
        // Given: 119 (many V beats) and 100 (S beats and one V), learning from the first minute
        using var dir = new TemporaryFolder();
        var run = dir.Combine("run");

        // When
        var (code, output, error) = CliRunner.Run("evaluate-database", "--database", MitDb, "--records", "100,119",
            "--detector", "per-patient", "--epochs", "1", "--minutes", "1", "--parallel", "2", "--out", run);

        // Then
        Assert.True(code == 0, output + error);
        var markdown = File.ReadAllText(Path.Combine(run, "report.md"));
        Assert.Contains("## Per-patient VEB and SVEB detection", markdown);
        Assert.Contains("| **Gross** (AUC pooled) |", markdown);
        Assert.Contains("| **Average** (AUC mean) |", markdown);
        Assert.Contains("does not tell V from S", markdown);
        Assert.Contains("no reference label", markdown);
        foreach (var record in new[] { "100", "119" })
        {
            using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(run, "records", record + ".json")));
            var root = json.RootElement;
            var (v, s) = ReferenceBeatsAfter(Path.Combine(MitDb, record + ".atr"), 60 * Fs);
            Assert.True(v > 0 || s > 0, $"record {record} has no V or S beat after the first minute");
            Assert.Equal(v, RowTotal(root.GetProperty("counts"), "V"));
            Assert.Equal(s, RowTotal(root.GetProperty("perPatient").GetProperty("svebCounts"), "S"));
            // Flagged beats are V in the VEB comparison and S in the SVEB one: as many either way.
            var flagged = root.GetProperty("perPatient").GetProperty("flaggedBeats").GetInt32();
            Assert.Equal(flagged, ColumnTotal(root.GetProperty("counts"), "v"));
            Assert.Equal(flagged, ColumnTotal(root.GetProperty("perPatient").GetProperty("svebCounts"), "s"));
            // Each scored beat is kept with its rhythm: RR before is the gap to the previous beat's sample
            var beats = root.GetProperty("perPatient").GetProperty("beats").EnumerateArray().ToArray();
            Assert.Equal(root.GetProperty("perPatient").GetProperty("scoredBeats").GetInt32(), beats.Length);
            Assert.Equal(flagged, beats.Count(b => b.GetProperty("flagged").GetBoolean()));
            for (var i = 1; i < beats.Length; i++)
            {
                var gap = (beats[i].GetProperty("sample").GetInt64() - beats[i - 1].GetProperty("sample").GetInt64()) / (double)Fs;
                Assert.Equal(gap, beats[i].GetProperty("rrBefore").GetDouble(), 9);
                Assert.Equal(gap, beats[i - 1].GetProperty("rrAfter").GetDouble(), 9);
            }
            Assert.Equal(v, beats.Count(b => b.GetProperty("reference").GetString() == "V"));
            if (record == "119")
            {
                // 119's V beats have another QRS than its normal ones: they match the dominant shape worse
                double Median(string aami)
                {
                    var values = beats.Where(b => b.GetProperty("reference").GetString() == aami)
                        .Select(b => b.GetProperty("qrsCorrelation").GetDouble()).Order().ToArray();
                    return values[values.Length / 2];
                }
                Assert.True(Median("V") < Median("N") - 0.2, $"V {Median("V")}, N {Median("N")}");
            }
        }
        using var report = JsonDocument.Parse(File.ReadAllText(Path.Combine(run, "report.json")));
        var vebAuc = report.RootElement.GetProperty("perPatient").GetProperty("vebAucMean").GetDouble();
        Assert.InRange(vebAuc, 0, 1);
    }

    [Fact]
    public void Should_record_the_training_labels_and_skip_paced_records_When_training_only_on_normal_beats()
    {
        // Given: 102 is paced
        using var dir = new TemporaryFolder();
        var run = dir.Combine("run");

        // When
        var (code, output, error) = CliRunner.Run("evaluate-database", "--database", MitDb, "--records", "102,100",
            "--detector", "per-patient", "--only-normal", "--epochs", "1", "--minutes", "1", "--out", run);

        // Then: a skipped record is no failure
        Assert.True(code == 0, output + error);
        Assert.Contains("record 102 skipped: paced record", output);
        using var report = JsonDocument.Parse(File.ReadAllText(Path.Combine(run, "report.json")));
        var protocol = report.RootElement.GetProperty("protocol");
        Assert.Equal("annotated-normal", protocol.GetProperty("perPatient").GetProperty("trainingBeats").GetString());
        Assert.Equal(60, protocol.GetProperty("learningPeriodSeconds").GetDouble());
        var records = report.RootElement.GetProperty("records").EnumerateArray().ToArray();
        var paced = records.Single(r => r.GetProperty("record").GetString() == "102");
        Assert.StartsWith("paced record", paced.GetProperty("skipped").GetString());
        Assert.Contains("reference labels", File.ReadAllText(Path.Combine(run, "report.md")));
    }

    [Theory]
    [InlineData("--only-normal")]
    [InlineData("--training-beats", "all")]
    [InlineData("--epochs", "3")]
    [InlineData("--minutes", "2")]
    public void Should_refuse_a_training_option_When_the_detector_is_qrs(params string[] option)
    {
        // When
        var (code, _, error) = CliRunner.Run(["evaluate-database", "--database", MitDb, .. option, "--out", "unused"]);

        // Then: silently ignoring it would let a user believe the QRS evaluation trained something
        BadInputTest.AssertOneLineError(code, error, $"{option[0]} goes with --detector per-patient");
    }

    private static long RowTotal(JsonElement counts, string row) =>
        counts.GetProperty("matrix").GetProperty(row).EnumerateObject().Sum(c => c.Value.GetInt64());

    private static long ColumnTotal(JsonElement counts, string column) =>
        counts.GetProperty("matrix").EnumerateObject().Sum(r => r.Value.GetProperty(column).GetInt64());

    /// <summary>
    /// The V and S beats of an MIT-format annotation file at or after <paramref name="from"/>, read here byte by byte
    /// rather than with the library's reader, so that the comparison is checked against the file itself.
    /// </summary>
    private static (long V, long S) ReferenceBeatsAfter(string atr, long from)
    {
        var bytes = File.ReadAllBytes(atr);
        long time = 0, v = 0, s = 0;
        for (var i = 0; i + 1 < bytes.Length; i += 2)
        {
            var word = bytes[i] | (bytes[i + 1] << 8);
            int code = word >> 10, value = word & 0x3FF;
            if (code == 0 && value == 0) break;
            switch (code)
            {
                case 59: // SKIP: a 32-bit interval follows, high 16 bits first
                    time += (bytes[i + 2] << 16) | (bytes[i + 3] << 24) | bytes[i + 4] | (bytes[i + 5] << 8);
                    i += 4;
                    break;
                case 63: // AUX: its bytes, padded to an even count
                    i += (value + 1) & ~1;
                    break;
                case 60 or 61 or 62: // NUM, SUB, CHN
                    break;
                default:
                    time += value;
                    if (time < from) break;
                    // EC57's groups: V is V, E and r (codes 5, 10, 41); S is A, a, J, S and n (codes 8, 4, 7, 9, 35).
                    if (code is VebCode or 10 or 41) v++;
                    if (code is 8 or 4 or 7 or 9 or 35) s++;
                    break;
            }
        }
        return (v, s);
    }
}
