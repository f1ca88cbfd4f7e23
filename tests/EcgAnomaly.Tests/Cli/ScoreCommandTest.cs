using System.Globalization;
using System.Text.Json;
using EcgAnomaly.Evaluation;
using EcgAnomaly.RunFolders;

namespace EcgAnomaly.Tests.Cli;

[Collection(SharedTorch.Name)]
public sealed class ScoreCommandTest
{
    [Fact]
    public void Should_write_500_rows_whose_AUC_equals_the_run_metrics_When_scoring_ECG5000_TRAIN()
    {
        // Given: the one-epoch run (trained on the seed protocol, whose test set is ECG5000_TRAIN)
        var (code, _, error, run) = OneEpochRun.Result;
        Assert.True(code == 0, error);
        using var dir = new TemporaryFolder();
        var output = dir.Combine("scores.csv");

        // When
        (code, var stdout, error) = CliRunner.Run(
            "score", "--model", run, "--input", Path.Combine(TestData.Ecg5000Folder, "ECG5000_TRAIN.arff"), "--output", output);

        // Then
        Assert.True(code == 0, error);
        var rows = File.ReadAllLines(output);
        Assert.Equal("index,score,threshold,abnormal,label", rows[0]);
        Assert.Equal(501, rows.Length);
        var scores = rows[1..].Select(r => double.Parse(r.Split(',')[1], CultureInfo.InvariantCulture)).ToArray();
        var labels = rows[1..].Select(r => r.Split(',')[4] == "1" ? 0 : 1).ToArray();
        using var metrics = JsonDocument.Parse(File.ReadAllText(Path.Combine(run, RunFiles.Metrics)));
        Assert.Equal(metrics.RootElement.GetProperty("rocAuc").GetDouble(), RankingMetrics.RocAuc(scores, labels), 9);
        Assert.Contains("scored 500 beats", stdout);
    }

    [Fact]
    public void Should_refuse_other_lengths_and_resample_them_on_request_When_the_csv_beats_are_shorter()
    {
        var (_, _, _, run) = OneEpochRun.Result;
        using var dir = new TemporaryFolder();
        var beats = TestData.Ecg5000.Train;
        var rows = Enumerable.Range(0, 5).Select(i =>
            string.Join(",", Enumerable.Range(0, 70).Select(j => beats.Beat(i)[2 * j].ToString("R", CultureInfo.InvariantCulture))));
        var csv = dir.Write("short.csv", string.Join("\n", rows) + "\n");

        var (code, _, error) = CliRunner.Run("score", "--model", run, "--input", csv, "--output", dir.Combine("refused.csv"));
        BadInputTest.AssertOneLineError(code, error, "beats have 70 samples but the model expects 140 (use --resample");
        Assert.False(File.Exists(dir.Combine("refused.csv")));

        (code, _, error) = CliRunner.Run("score", "--model", run, "--input", csv, "--output", dir.Combine("resampled.csv"), "--resample");
        Assert.True(code == 0, error);
        Assert.Equal(6, File.ReadAllLines(dir.Combine("resampled.csv")).Length);
    }

    public static TheoryData<string, string> BrokenBundles => new()
    {
        { "no-manifest", "model.json: file not found" },
        { "bad-json", "model.json:1: not a valid model.json" },
        { "future-version", "unknown format version 99" },
        { "truncated-weights", "model.pt: not a readable PyTorch state dict" },
        { "no-weights", "model.pt: file not found" },
        {
            "wrong-shapes",
            "weights do not load into the lstm16 model: 'encoder.encoder_1.weight_ih_l0' has shape [256,1] but the model needs [128,1]"
        },
    };

    [Theory]
    [MemberData(nameof(BrokenBundles))]
    public void Should_exit_2_with_one_line_and_no_output_When_the_bundle_is_broken(string breakage, string expected)
    {
        // Given: a copy of a good run folder, broken in one way
        var (_, _, _, run) = OneEpochRun.Result;
        using var dir = new TemporaryFolder();
        var bundle = CopyOf(run, dir.Combine("bundle"));
        var manifest = Path.Combine(bundle, RunFiles.Manifest);
        var weights = Path.Combine(bundle, RunFiles.Weights);
        switch (breakage)
        {
            case "no-manifest": File.Delete(manifest); break;
            case "bad-json": File.WriteAllText(manifest, "{ \"formatVersion\": 1, "); break;
            case "future-version": Replace(manifest, "\"formatVersion\": 1", "\"formatVersion\": 99"); break;
            case "truncated-weights": File.WriteAllBytes(weights, File.ReadAllBytes(weights)[..1000]); break;
            case "no-weights": File.Delete(weights); break;
            case "wrong-shapes": Replace(manifest, "\"embeddingSize\": 32", "\"embeddingSize\": 16"); break;
        }

        // When
        var output = dir.Combine("scores.csv");
        var (code, _, error) = CliRunner.Run(
            "score", "--model", bundle, "--input", Path.Combine(TestData.Ecg5000Folder, "ECG5000_TRAIN.tsv"), "--output", output);

        // Then
        BadInputTest.AssertOneLineError(code, error, expected);
        Assert.False(File.Exists(output));
        Assert.Equal(["bundle"], Directory.GetFileSystemEntries(dir.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void Should_name_the_line_and_column_When_a_csv_value_is_not_finite()
    {
        var (_, _, _, run) = OneEpochRun.Result;
        using var dir = new TemporaryFolder();
        var row = string.Join(",", Enumerable.Repeat("0.5", 140));
        var csv = dir.Write("beats.csv", $"{row}\n{row}\n{string.Join(",", Enumerable.Repeat("0.5", 139))},NaN\n");

        var (code, _, error) = CliRunner.Run("score", "--model", run, "--input", csv, "--output", dir.Combine("scores.csv"));

        BadInputTest.AssertOneLineError(code, error, "beats.csv:3:140: value 'NaN' is NaN or infinite");
        Assert.False(File.Exists(dir.Combine("scores.csv")));
    }

    [Theory]
    [InlineData("12.5")]
    [InlineData("percentile:50")]
    [InlineData("sigma:2")]
    public void Should_apply_another_threshold_policy_to_the_kept_validation_scores_When_asked_at_scoring_time(string policy)
    {
        var (_, _, _, run) = OneEpochRun.Result;
        using var dir = new TemporaryFolder();
        var validation = File.ReadAllLines(Path.Combine(run, RunFiles.ValidationScores))[1..]
            .Select(l => double.Parse(l, CultureInfo.InvariantCulture))
            .ToArray();
        var expected = EcgAnomaly.Detection.ThresholdPolicy.Parse(policy).Choose(validation);

        var (code, _, error) = CliRunner.Run(
            "score",
            "--model", run,
            "--input", Path.Combine(TestData.Ecg5000Folder, "ECG5000_TRAIN.tsv"),
            "--output", dir.Combine("s.csv"),
            "--threshold-policy", policy);

        Assert.True(code == 0, error);
        Assert.Equal(657, validation.Length);
        var row = File.ReadAllLines(dir.Combine("s.csv"))[1].Split(',');
        Assert.Equal(expected, double.Parse(row[2], CultureInfo.InvariantCulture), 9);
    }

    [Fact]
    public void Should_read_beats_from_standard_input_When_the_input_is_a_dash()
    {
        var (_, _, _, run) = OneEpochRun.Result;
        using var dir = new TemporaryFolder();
        var beats = TestData.Ecg5000.Train;
        var text = string.Join("\n", Enumerable.Range(0, 7).Select(i =>
            string.Join("\t", beats.Beat(i).ToArray().Select(v => v.ToString("R", CultureInfo.InvariantCulture)))));
        var saved = Console.In;
        try
        {
            Console.SetIn(new StringReader(text + "\n"));
            var (code, _, error) = CliRunner.Run("score", "--model", run, "--input", "-", "--output", dir.Combine("s.csv"));
            Assert.True(code == 0, error);
        }
        finally
        {
            Console.SetIn(saved);
        }
        Assert.Equal(8, File.ReadAllLines(dir.Combine("s.csv")).Length);
    }

    [Fact]
    public void Should_z_normalise_each_beat_first_When_the_bundle_says_so()
    {
        // Given: the same bundle twice, one saying "z-score"; beats scaled x10 and shifted by 3 (z-scores unchanged)
        var (_, _, _, run) = OneEpochRun.Result;
        using var dir = new TemporaryFolder();
        var zBundle = CopyOf(run, dir.Combine("z"));
        var manifest = Path.Combine(zBundle, RunFiles.Manifest);
        Replace(manifest, "\"normalisation\": \"none\"", "\"normalisation\": \"z-score\"");
        var beats = TestData.Ecg5000.Train;
        string Csv(Func<float, float> f) => string.Join("\n", Enumerable.Range(0, 4).Select(i =>
            string.Join(",", beats.Beat(i).ToArray().Select(v => f(v).ToString("R", CultureInfo.InvariantCulture))))) + "\n";
        var plain = dir.Write("plain.csv", Csv(v => v));
        var scaled = dir.Write("scaled.csv", Csv(v => 10 * v + 3));

        // When
        CliRunner.Run("score", "--model", run, "--input", plain, "--output", dir.Combine("a.csv"));
        var (code, _, error) = CliRunner.Run("score", "--model", zBundle, "--input", scaled, "--output", dir.Combine("b.csv"));

        // Then: ECG5000 beats are z-normalised already, so the z-score bundle on scaled beats matches the plain scores
        Assert.True(code == 0, error);
        var a = ScoreColumn(dir.Combine("a.csv"));
        var b = ScoreColumn(dir.Combine("b.csv"));
        Assert.Equal(4, a.Length);
        Assert.Equal(a.Length, b.Length);
        for (var i = 0; i < a.Length; i++) Assert.Equal(a[i], b[i], a[i] * 1e-3);
    }

    private static string CopyOf(string run, string folder)
    {
        Directory.CreateDirectory(folder);
        foreach (var file in Directory.GetFiles(run)) File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        return folder;
    }

    private static void Replace(string file, string oldText, string newText) =>
        File.WriteAllText(file, File.ReadAllText(file).Replace(oldText, newText, StringComparison.Ordinal));

    /// <summary>The score column of a CSV that <c>score</c> wrote.</summary>
    private static double[] ScoreColumn(string file) =>
        File.ReadAllLines(file)[1..].Select(l => double.Parse(l.Split(',')[1], CultureInfo.InvariantCulture)).ToArray();
}
