using EcgAnomaly.Data;
using EcgAnomaly.Detection;
using EcgAnomaly.Models;
using EcgAnomaly.RunFolders;
using EcgAnomaly.Runs;
using EcgAnomaly.Training;

namespace EcgAnomaly.Tests.Runs;

/// <summary>Issue 11: an interruption after the last epoch, while the run folder is being written, still leaves no folder.</summary>
[Collection(SharedTorch.Name)]
public sealed class TrainingRunCancelTest
{
    [Fact]
    public void Should_throw_and_leave_no_run_folder_When_cancelled_after_the_last_epoch()
    {
        // Given
        using var dir = new TemporaryFolder();
        using var cancel = new CancellationTokenSource();
        var split = DataSplit.FromEcg5000(TestData.Ecg5000, EvaluationProtocol.Seed, seed: 1);
        var request = new TrainingRunRequest(split, ModelSpec.Lstm(8), new TrainingOptions { Epochs = 1, Seed = 1 },
            ThresholdPolicy.Default, new RunDescription("ECG5000", "seed", TestData.Ecg5000.Sha256), dir.Combine("new", "run"));

        // When: Ctrl-C as the last epoch completes
        Assert.ThrowsAny<OperationCanceledException>(() => TrainingRun.Execute(request, new CancelAtLastEpoch(cancel), cancel.Token));

        // Then
        Assert.Empty(dir.Entries());
    }

    private sealed class CancelAtLastEpoch(CancellationTokenSource cancel) : ITrainingObserver
    {
        public void OnEpochStarted(int epoch, int epochs, int batches)
        {
        }

        public void OnBatchCompleted(int epoch, int batch, int batches)
        {
        }

        public void OnEpochCompleted(EpochRecord record, int epochs)
        {
            if (record.Epoch == epochs) cancel.Cancel();
        }
    }
}
