using EcgAnomaly.Data;
using EcgAnomaly.Detection;
using EcgAnomaly.Models;
using EcgAnomaly.Training;

namespace EcgAnomaly.Tests.Training;

[Collection(SharedTorch.Name)]
public sealed class TrainerTest
{
    private static readonly DataSplit Split = DataSplit.FromEcg5000(TestData.Ecg5000, EvaluationProtocol.Seed, seed: 777);

    [Theory]
    [InlineData(ComputeEngine.TorchSharp)]
    [InlineData(ComputeEngine.Fast)]
    public void Should_repeat_the_loss_history_and_scores_exactly_When_the_seed_is_the_same(ComputeEngine kernel)
    {
        // Given: a short run on a small subset, twice with one seed and once with another
        var train = Subset(Split.Train, 96);
        var validation = Subset(Split.Validation, 40);
        var options = new TrainingOptions { Epochs = 2, Seed = 5, Engine = kernel };

        // When
        var (historyA, scoresA) = Run(train, validation, options);
        var (historyB, scoresB) = Run(train, validation, options);
        var (historyC, _) = Run(train, validation, options with { Seed = 6 });

        // Then
        Assert.Equal(historyA.Select(h => (h.TrainLoss, h.ValidationLoss)), historyB.Select(h => (h.TrainLoss, h.ValidationLoss)));
        Assert.Equal(scoresA, scoresB);
        Assert.NotEqual(historyA[0].TrainLoss, historyC[0].TrainLoss);
    }

    [Fact]
    public void Should_give_the_same_history_on_one_thread_and_on_two_When_the_kernel_is_fast()
    {
        var train = Subset(Split.Train, 70);
        var validation = Subset(Split.Validation, 30);
        var options = new TrainingOptions { Epochs = 2, Seed = 9, Engine = ComputeEngine.Fast, BatchSize = 33 };
        var threads = TorchSharp.torch.get_num_threads();
        try
        {
            TorchSharp.torch.set_num_threads(1);
            var (oneThread, oneScores) = Run(train, validation, options);
            TorchSharp.torch.set_num_threads(2);
            var (twoThreads, twoScores) = Run(train, validation, options);

            Assert.Equal(oneThread.Select(h => (h.TrainLoss, h.ValidationLoss)), twoThreads.Select(h => (h.TrainLoss, h.ValidationLoss)));
            Assert.Equal(oneScores, twoScores);
        }
        finally
        {
            TorchSharp.torch.set_num_threads(threads);
        }
    }

    [Fact]
    public void Should_lower_the_loss_and_keep_the_best_epoch_When_training_a_few_epochs()
    {
        var train = Subset(Split.Train, 256);
        var validation = Subset(Split.Validation, 64);
        using var fitted = AutoencoderDetector.Fit(train, validation, ModelSpec.Lstm(16), new TrainingOptions { Epochs = 4, Seed = 1 });

        var history = fitted.Training.History;
        Assert.Equal(4, history.Count);
        Assert.True(history[^1].TrainLoss < history[0].TrainLoss, $"loss went from {history[0].TrainLoss} to {history[^1].TrainLoss}");
        Assert.Equal(history.Min(h => h.ValidationLoss), fitted.Training.BestValidationLoss);
        Assert.Equal(history.MinBy(h => h.ValidationLoss)!.Epoch, fitted.Training.BestEpoch);
    }

    [Fact]
    public void Should_flag_about_one_percent_of_validation_normals_When_the_threshold_is_their_99th_percentile()
    {
        var train = Subset(Split.Train, 128);
        var validation = Subset(Split.Validation, 200);
        using var fitted = AutoencoderDetector.Fit(train, validation, ModelSpec.Lstm(8), new TrainingOptions { Epochs = 1, Seed = 2 });

        var flagged = fitted.Detector.Predict(validation).Count(f => f);

        // The 99th percentile with linear interpolation over 200 scores leaves exactly 2 above it (no ties in float scores).
        Assert.Equal(2, flagged);
    }

    private static (IReadOnlyList<EpochRecord> History, double[] Scores) Run(
        LabelledBeats train,
        LabelledBeats validation,
        TrainingOptions options)
    {
        using var fitted = AutoencoderDetector.Fit(train, validation, ModelSpec.Lstm(16), options);
        return (fitted.Training.History, fitted.Detector.Score(validation));
    }

    private static LabelledBeats Subset(LabelledBeats beats, int count) => beats.Select(Enumerable.Range(0, count).ToArray(), "subset");
}
