using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using EcgAnomaly.Data;
using EcgAnomaly.Detection;
using EcgAnomaly.Evaluation;
using EcgAnomaly.RunFolders;
using EcgAnomaly.Server;
using EcgAnomaly.Tests.Cli;
using EcgAnomaly.Tests.Server;

namespace EcgAnomaly.Tests.Runs;

/// <summary>
/// <c>train --ensemble K</c>: one run folder whose model.json lists K members, each trained on the run's split with its
/// own seed, the first being the network a single run of the same seed trains; the detector's score is the mean of the
/// members' scores. Expected values come from each member's weights file loaded alone into a single-network detector;
/// serve's /api/score gives the loaded ensemble's scores.
/// </summary>
[Collection(SharedTorch.Name)]
public sealed class EnsembleRunTest
{
    private const int Seed = 5;
    private static readonly string[] Train =
        ["train", "--model", "lstm", "--embedding", "8", "--epochs", "2", "--lr", "0.01", "--seed", "5", "--threads", "1"];

    [Fact]
    public async Task Should_score_with_the_mean_of_members_each_as_loaded_alone_When_trained_with_ensemble_3()
    {
        // Given
        using var dir = new TemporaryFolder();
        var (ensemble, single) = (dir.Combine("ensemble"), dir.Combine("single"));
        var (code, output, error) = CliRunner.Run([.. Train, "--ensemble", "3", "--data", TestData.DataRoot, "--out", ensemble]);
        Assert.True(code == 0, output + error);
        (code, output, error) = CliRunner.Run([.. Train, "--data", TestData.DataRoot, "--out", single]);
        Assert.True(code == 0, output + error);
        var manifest = DetectorBundle.ReadManifest(ensemble);
        var split = DataSplit.FromEcg5000(TestData.Ecg5000, EvaluationProtocol.Seed, Seed);
        var labels = split.TestBinaryLabels();

        // When
        var members = manifest.Members!.Select(m => ScoreAlone(ensemble, m.Weights, manifest, split)).ToArray();
        var bestMembers = manifest.Members!.Select(m => ScoreAlone(ensemble, m.BestWeights, manifest, split)).ToArray();
        using var loaded = DetectorBundle.Load(ensemble);
        var scores = loaded.Score(split.Test);
        using var server = new ServerFactory(new ServeOptions { RunsFolder = dir.Path });
        using var client = server.CreateClient();
        var firstBeats = Enumerable.Range(0, 5).Select(i => split.Test.Beat(i).ToArray()).ToArray();
        using var served = await client.PostAsJsonAsync("/api/score", new { model = "ensemble", beats = firstBeats });
        var listed = await client.GetFromJsonAsync<ModelInfo[]>("/api/models");

        // Then
        Assert.Equal([Seed, Seed + 1, Seed + 2], manifest.Members!.Select(m => m.Seed));
        Assert.Equal(3, loaded.Members.Count);
        Assert.Equal(Losses(Path.Combine(single, RunFiles.History)), Losses(Path.Combine(ensemble, RunFiles.History)));
        Assert.NotEqual(Losses(Path.Combine(ensemble, RunFiles.History)), Losses(Path.Combine(ensemble, RunFiles.MemberHistory(2))));
        Assert.Equal(ScoreAlone(single, RunFiles.Weights, manifest, split), members[0]);
        Assert.NotEqual(members[0], members[1]);
        var rows = File.ReadAllLines(Path.Combine(ensemble, RunFiles.Scores))[1..].Select(r => r.Split(',')).ToArray();
        for (var i = 0; i < rows.Length; i++)
        {
            var mean = members.Average(m => m[i]);
            Assert.Equal(mean, scores[i], 1e-9 * mean);
            Assert.Equal(mean, double.Parse(rows[i][3], CultureInfo.InvariantCulture), 1e-9 * mean);
            var bestMean = bestMembers.Average(m => m[i]);
            Assert.Equal(bestMean, double.Parse(rows[i][4], CultureInfo.InvariantCulture), 1e-9 * bestMean);
        }
        var metrics = JsonSerializer.Deserialize<RunMetrics>(File.ReadAllText(Path.Combine(ensemble, RunFiles.Metrics)), RunJson.Options)!;
        Assert.Equal(3, metrics.Ensemble);
        Assert.Equal(RankingMetrics.RocAuc(scores, labels), metrics.RocAuc, 12);
        Assert.Equal(members.Select(m => RankingMetrics.RocAuc(m, labels)), metrics.MemberRocAucs!);
        var validation = ValidationScoresFile.Read(Path.Combine(ensemble, RunFiles.ValidationScores));
        var validationMembers = manifest.Members!.Select(m => ScoreAlone(ensemble, m.Weights, manifest, split, split.Validation)).ToArray();
        Assert.Equal(validationMembers[0].Length, validation.Length);
        for (var i = 0; i < validation.Length; i++) Assert.Equal(validationMembers.Average(m => m[i]), validation[i], 1e-9 * validation[i]);
        Assert.Equal(Percentile.Of(validation, 99), loaded.Threshold, 9);
        Assert.Equal(scores[..5], (await served.Content.ReadFromJsonAsync<ScoreResponse>())!.Scores);
        Assert.Equal(3, listed!.Single(m => m.Name == "ensemble").Members);
        Assert.Equal(1, listed!.Single(m => m.Name == "single").Members);
    }

    [Fact]
    public void Should_refuse_in_one_line_naming_the_file_When_a_member_is_missing_or_the_list_is_malformed()
    {
        // Given
        using var dir = new TemporaryFolder();
        var run = dir.Combine("ensemble");
        var (code, output, error) = CliRunner.Run([.. Train, "--ensemble", "2", "--data", TestData.DataRoot, "--out", run]);
        Assert.True(code == 0, output + error);
        var manifestPath = Path.Combine(run, RunFiles.Manifest);
        var original = File.ReadAllText(manifestPath);

        // When
        File.Delete(Path.Combine(run, RunFiles.MemberWeights(2)));
        var missing = Assert.Throws<DataFormatException>(() => DetectorBundle.Load(run));
        var scored = CliRunner.Run("score", "--model", run, "--input", Path.Combine(TestData.Ecg5000Folder, "ECG5000_TEST.tsv"),
            "--output", dir.Combine("scores.csv"));
        var one = JsonNode.Parse(original)!;
        one["members"]!.AsArray().RemoveAt(1);
        File.WriteAllText(manifestPath, one.ToJsonString());
        var tooFew = Assert.Throws<DataFormatException>(() => DetectorBundle.ReadManifest(run));
        var swapped = JsonNode.Parse(original)!;
        swapped["members"]![0]!["weights"] = RunFiles.MemberWeights(2);
        File.WriteAllText(manifestPath, swapped.ToJsonString());
        var notFirst = Assert.Throws<DataFormatException>(() => DetectorBundle.ReadManifest(run));
        var option = CliRunner.Run([.. Train, "--ensemble", "0", "--data", TestData.DataRoot, "--out", dir.Combine("never")]);

        // Then
        Assert.Contains(RunFiles.MemberWeights(2), missing.Message, StringComparison.Ordinal);
        Assert.Equal(2, scored.ExitCode);
        Assert.Contains(RunFiles.MemberWeights(2), scored.Error, StringComparison.Ordinal);
        Assert.Single(scored.Error.Trim().Split('\n'));
        Assert.Contains("between 2 and", tooFew.Message, StringComparison.Ordinal);
        Assert.Contains(RunFiles.Manifest, notFirst.Message, StringComparison.Ordinal);
        Assert.Equal(2, option.ExitCode);
        Assert.Contains("--ensemble must be between 1 and", option.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(dir.Combine("never")));
    }

    private static double[] ScoreAlone(string run, string weights, ModelManifest manifest, DataSplit split, LabelledBeats? beats = null)
    {
        var model = manifest.Architecture.Build();
        PyTorchWeights.Load(model, Path.Combine(run, weights), manifest.Architecture.ShortName);
        using var detector = AutoencoderDetector.Create(
            manifest.Architecture, model, BeatPreprocessing.None, ThresholdPolicy.Default, manifest.Threshold.Value);
        return detector.Score(beats ?? split.Test);
    }

    private static string[] Losses(string history) =>
        [.. File.ReadAllLines(history).Select(line => string.Join(',', line.Split(',')[..3]))];
}
