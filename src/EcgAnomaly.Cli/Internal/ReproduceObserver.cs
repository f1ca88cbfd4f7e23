using EcgAnomaly.Training;
using Spectre.Console;

namespace EcgAnomaly.Cli.Internal;

/// <summary>Progress of one (configuration, seed) run inside a reproduction: the overall bar and one line per epoch.</summary>
internal sealed class ReproduceObserver(IAnsiConsole console, ProgressTask? overall, string label) : ITrainingObserver
{
    private bool _counting;

    public void OnEpochStarted(int epoch, int epochs, int batches)
    {
        _counting = true;
        if (overall is not null) overall.Description = $"{label}: epoch {epoch}/{epochs}";
    }

    public void OnBatchCompleted(int epoch, int batch, int batches)
    {
    }

    public void OnEpochCompleted(EpochRecord record, int epochs)
    {
        // Epochs restored from a checkpoint are reported before any epoch starts; they are already in the bar.
        if (!_counting) return;
        overall?.Increment(1);
        console.MarkupLineInvariant(
            $"[grey]{label}[/]  epoch {record.Epoch,4}/{epochs}  ",
            $"train {record.TrainLoss,9:0.000}  validation {record.ValidationLoss,9:0.000}  {record.Seconds,6:0.00} s");
    }
}
