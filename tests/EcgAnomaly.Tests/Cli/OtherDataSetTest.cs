using EcgAnomaly.RunFolders;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace EcgAnomaly.Tests.Cli;

/// <summary>Any UCR-style file pair, here a synthetic one with beats of 60 samples written by the test itself.</summary>
[Collection(SharedTorch.Name)]
public sealed class OtherDataSetTest
{
    [Fact]
    public void Should_train_score_and_evaluate_end_to_end_When_the_beats_have_60_samples()
    {
        // Given: class 3 = smooth normal beats, class 7 = beats with a large square pulse
        using var dir = new TemporaryFolder();
        var train = dir.Write("SYN_TRAIN.tsv", Synthetic(new Random(1), normals: 300, abnormal: 20));
        var test = dir.Write("SYN_TEST.tsv", Synthetic(new Random(2), normals: 60, abnormal: 40));
        var run = dir.Combine("run");

        // When
        var (code, output, error) = CliRunner.Run("train", "--train-file", train, "--test-file", test, "--normal-class", "3",
            "--model", "lstm", "--embedding", "8", "--epochs", "3", "--out", run);
        Assert.True(code == 0, error);
        (code, _, error) = CliRunner.Run("score", "--model", run, "--input", test, "--output", dir.Combine("scores.csv"));
        Assert.True(code == 0, error);
        (code, _, error) = CliRunner.Run("evaluate", "--model", run, "--input", test, "--out", dir.Combine("eval"));
        Assert.True(code == 0, error);

        // Then
        Assert.Contains("beats of 60 samples", output);
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(run, RunFiles.Manifest)));
        Assert.Equal(60, manifest.RootElement.GetProperty("architecture").GetProperty("beatLength").GetInt32());
        Assert.Equal(3, manifest.RootElement.GetProperty("normalClass").GetInt32());
        Assert.Equal(101, File.ReadAllLines(dir.Combine("scores.csv")).Length);
        using var evaluation = JsonDocument.Parse(File.ReadAllText(dir.Combine("eval", "evaluation.json")));
        Assert.InRange(evaluation.RootElement.GetProperty("rocAuc").GetDouble(), 0.8, 1.0);
        using var metrics = JsonDocument.Parse(File.ReadAllText(Path.Combine(run, RunFiles.Metrics)));
        Assert.Equal(["7"], metrics.RootElement.GetProperty("perClassDetection").EnumerateObject().Select(p => p.Name));
    }

    private static string Synthetic(Random random, int normals, int abnormal)
    {
        var text = new StringBuilder();
        for (var i = 0; i < normals + abnormal; i++)
        {
            var isAbnormal = i >= normals;
            var phase = random.NextDouble() * 0.3;
            var values = Enumerable.Range(0, 60).Select(t =>
            {
                var v = Math.Sin(2 * Math.PI * t / 60 + phase) + 0.05 * (random.NextDouble() - 0.5);
                if (isAbnormal && t is >= 20 and < 35) v += 3;
                return v.ToString("R", CultureInfo.InvariantCulture);
            });
            text.Append(isAbnormal ? "7" : "3").Append('\t').AppendJoin('\t', values).Append('\n');
        }
        return text.ToString();
    }
}
