using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using EcgAnomaly.Signals;
using EcgAnomaly.Tests.Signals;
using Xunit.Abstractions;

namespace EcgAnomaly.Tests.Cli;

/// <summary>
/// The recording verbs on an EDF+ file written from MIT-BIH record 100 (with its reference beat labels as EDF+
/// annotations): the same beats as on the WFDB record, and a model trained and scored on the EDF file.
/// </summary>
[Collection(SharedTorch.Name)]
public sealed partial class EdfCommandTest(ITestOutputHelper log)
{
    [Fact]
    public void Should_detect_as_many_beats_as_on_the_WFDB_record_and_name_the_lead_When_the_record_is_EDF()
    {
        // Given: the whole of record 100 as EDF+ (its last 0.56 s, less than one 1 s data record, left out)
        using var dir = new TemporaryFolder();
        var edf = WriteEdf(dir, seconds: null);

        // When
        var (wfdbCode, wfdbOutput, wfdbError) = CliRunner.Run("detect-beats", "--record", RawEcg.Record("mitdb/100"));
        var (code, output, error) = CliRunner.Run("detect-beats", "--record", edf);

        // Then
        Assert.True(wfdbCode == 0, wfdbOutput + wfdbError);
        Assert.True(code == 0, output + error);
        log.WriteLine(wfdbOutput);
        log.WriteLine(output);
        Assert.Contains("record 100, lead MLII (signal 0), chosen by its description", output);
        Assert.InRange(Beats(output), Beats(wfdbOutput) - 3, Beats(wfdbOutput) + 3);
        // The beat labels came along as EDF+ annotations, so the detections are compared with them.
        Assert.Contains("sensitivity", output);
        Assert.Matches(@"\d+\.\d\d %", output);
    }

    [Fact]
    public void Should_train_and_score_When_the_record_is_an_EDF_file()
    {
        // Given: the first 3 minutes of record 100 as EDF+
        using var dir = new TemporaryFolder();
        var edf = WriteEdf(dir, seconds: 180);
        var run = dir.Combine("run");

        // When
        var (trainCode, trainOutput, trainError) = CliRunner.Run(
            "train", "--record", edf, "--minutes", "1", "--epochs", "1", "--seed", "1", "--out", run);
        var scored = dir.Combine("scored");
        var (code, output, error) = CliRunner.Run("record", "--model", run, "--record", edf, "--out", scored);

        // Then
        Assert.True(trainCode == 0, trainOutput + trainError);
        Assert.True(code == 0, output + error);
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(scored, "summary.json")));
        Assert.Equal(60, summary.RootElement.GetProperty("fromSeconds").GetDouble(), 3);
        Assert.True(summary.RootElement.GetProperty("beats").GetInt32() > 100);
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(run, "model.json")));
        Assert.Equal("100", manifest.RootElement.GetProperty("record").GetProperty("name").GetString());
    }

    [Fact]
    public void Should_find_the_same_frequent_beat_shapes_as_in_the_WFDB_record_When_the_record_is_an_EDF_file()
    {
        // Given: the first 7 minutes of MIT-BIH 119 (bigeminy) as EDF+ and as the WFDB record itself
        using var dir = new TemporaryFolder();
        var edf = WriteEdf(dir, seconds: 420, record: "119");

        // When
        var fromEdf = dir.Combine("edf");
        var fromWfdb = dir.Combine("wfdb");
        var (edfCode, edfOutput, edfError) = CliRunner.Run("train", "--record", edf, "--epochs", "1", "--out", fromEdf);
        var (code, output, error) = CliRunner.Run("train", "--record", RawEcg.Record("mitdb/119"), "--epochs", "1", "--out", fromWfdb);

        // Then: the label-free choice of training beats does not depend on the file format
        Assert.True(edfCode == 0, edfOutput + edfError);
        Assert.True(code == 0, output + error);
        Assert.Contains("two frequent beat shapes", string.Join(" ", edfOutput.Split('\n').Select(l => l.Trim())));
        var edfShares = ShapeShares(fromEdf);
        var wfdbShares = ShapeShares(fromWfdb);
        Assert.Equal(wfdbShares.Length, edfShares.Length);
        for (var i = 0; i < wfdbShares.Length; i++) Assert.Equal(wfdbShares[i], edfShares[i], 2);
    }

    [Fact]
    public void Should_exit_2_with_one_line_naming_the_file_When_the_EDF_file_is_truncated()
    {
        using var dir = new TemporaryFolder();
        var edf = WriteEdf(dir, seconds: 10);
        var bytes = File.ReadAllBytes(edf);
        File.WriteAllBytes(edf, bytes[..^100]);

        var (code, _, error) = CliRunner.Run("detect-beats", "--record", edf);

        BadInputTest.AssertOneLineError(code, error, "100.edf: byte");
        Assert.Contains("truncated", error, StringComparison.Ordinal);
    }

    private static string WriteEdf(TemporaryFolder dir, double? seconds, string record = "100")
    {
        var source = WfdbRecord.Open(RawEcg.Record("mitdb/" + record));
        var atr = WfdbAnnotationReader.Read(source.AnnotationPath()!);
        var path = dir.Combine(record + ".edf");
        EdfWriter.Write(path, source, seconds, atr.Select(a => new EdfAnnotation(a.Sample / source.SamplingFrequency, null, a.Symbol)));
        return path;
    }

    private static double[] ShapeShares(string run)
    {
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(run, "model.json")));
        var record = manifest.RootElement.GetProperty("record");
        Assert.Equal("dominant", record.GetProperty("trainingBeats").GetString());
        return [.. record.GetProperty("shapeShares").EnumerateArray().Select(e => e.GetDouble())];
    }

    private static int Beats(string output) =>
        int.Parse(BeatsDetected().Match(output).Groups[1].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"([\d,]+)\s+beats detected")]
    private static partial Regex BeatsDetected();
}
