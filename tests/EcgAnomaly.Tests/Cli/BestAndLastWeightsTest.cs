using System.Globalization;
using System.Text.Json;
using EcgAnomaly.Data;
using EcgAnomaly.Detection;
using EcgAnomaly.RunFolders;
using EcgAnomaly.Evaluation;

namespace EcgAnomaly.Tests.Cli;

/// <summary>
/// README: model.pt holds the last epoch, model-best.pt the epoch with the lowest validation loss, and metrics.json's
/// rocAuc / rocAucBest are theirs. A short run whose best epoch is not its last: each weights file is loaded on its own,
/// scores the run's test set (the seed protocol: all 500 beats of ECG5000_TRAIN) and must give its AUCs.
/// </summary>
[Collection(SharedTorch.Name)]
public sealed class BestAndLastWeightsTest
{
    // LSTM E=8 at lr 0.01, batch 32, seed 5: measured validation losses 89.1, 93.4, 93.3 (both kernels), so epoch 1 is
    // the best by about 5 % and the last epoch is not; the model is poor (AUC about 0.26 / 0.34), which does not matter
    // here. The batch is given because train's default for the LSTM (8) gives this seed another history.
    private const int Seed = 5;
    private static readonly string[] Train =
        ["train", "--model", "lstm", "--embedding", "8", "--epochs", "3", "--lr", "0.01", "--batch", "32", "--seed", "5"];

    [Fact]
    public void Should_write_different_last_and_best_weights_each_scoring_as_metrics_says_When_the_best_epoch_is_not_the_last()
    {
        // Given
        using var dir = new TemporaryFolder();
        var run = dir.Combine("run");
        var (code, output, error) = CliRunner.Run([.. Train, "--data", TestData.DataRoot, "--out", run]);
        Assert.True(code == 0, output + error);
        using var metricsDoc = JsonDocument.Parse(File.ReadAllText(Path.Combine(run, RunFiles.Metrics)));
        var metrics = metricsDoc.RootElement;
        var epochs = metrics.GetProperty("epochs").GetInt32();
        var bestEpoch = metrics.GetProperty("bestEpoch").GetInt32();
        Assert.True(bestEpoch != epochs,
            "precondition: this run's best epoch must not be its last, else model.pt and model-best.pt are the same weights; "
            + $"got bestEpoch {bestEpoch} of {epochs} (choose another seed or lr)");
        Assert.Equal(LowestValidationLossEpoch(run), bestEpoch);
        var split = DataSplit.FromEcg5000(TestData.Ecg5000, EvaluationProtocol.Seed, Seed);
        var labels = split.TestBinaryLabels();

        // When
        var last = ScoreWith(run, RunFiles.Weights, split);
        var best = ScoreWith(run, RunFiles.BestWeights, split);

        // Then
        Assert.NotEqual(File.ReadAllBytes(Path.Combine(run, RunFiles.Weights)), File.ReadAllBytes(Path.Combine(run, RunFiles.BestWeights)));
        Assert.NotEqual(last, best);
        Assert.Equal(metrics.GetProperty("rocAuc").GetDouble(), RankingMetrics.RocAuc(last, labels), 9);
        Assert.Equal(metrics.GetProperty("rocAucBest").GetDouble(), RankingMetrics.RocAuc(best, labels), 9);
        Assert.Equal(metrics.GetProperty("prAuc").GetDouble(), RankingMetrics.AveragePrecision(last, labels), 9);
        Assert.Equal(metrics.GetProperty("prAucBest").GetDouble(), RankingMetrics.AveragePrecision(best, labels), 9);
        var rows = File.ReadAllLines(Path.Combine(run, RunFiles.Scores))[1..].Select(r => r.Split(',')).ToArray();
        Assert.Equal(last.Length, rows.Length);
        Assert.Equal(split.Test.Labels, rows.Select(r => int.Parse(r[1], CultureInfo.InvariantCulture)));
        for (var i = 0; i < rows.Length; i++)
        {
            Assert.Equal(last[i], double.Parse(rows[i][3], CultureInfo.InvariantCulture), 1e-9 * last[i]);
            Assert.Equal(best[i], double.Parse(rows[i][4], CultureInfo.InvariantCulture), 1e-9 * best[i]);
        }
    }

    private static double[] ScoreWith(string run, string weights, DataSplit split)
    {
        using var detector = DetectorBundle.Load(run, weights: weights);
        return detector.Score(split.Test);
    }

    private static int LowestValidationLossEpoch(string run)
    {
        var rows = File.ReadAllLines(Path.Combine(run, RunFiles.History))[1..].Select(r => r.Split(','))
            .Select(r => (Epoch: int.Parse(r[0], CultureInfo.InvariantCulture), Loss: double.Parse(r[2], CultureInfo.InvariantCulture)));
        return rows.MinBy(r => r.Loss).Epoch;
    }
}
