using System.Globalization;
using EcgAnomaly.Training;
using Spectre.Console;

namespace EcgAnomaly.Cli.Internal;

/// <summary>
/// Draws training progress: an overall bar over epochs, a bar over the batches of the current epoch, and one line per
/// epoch (only the lines when there is no live display).
/// </summary>
internal sealed class ProgressTrainingObserver(IAnsiConsole console, ProgressContext? context, string label) : ITrainingObserver
{
    private ProgressTask? _overall;
    private ProgressTask? _epoch;

    public void OnEpochStarted(int epoch, int epochs, int batches)
    {
        if (context is null) return;
        _overall ??= context.AddTask(label, maxValue: epochs);
        _epoch ??= context.AddTask("epoch", maxValue: batches);
        _epoch.Value = 0;
        _epoch.MaxValue = batches;
        _epoch.Description = $"epoch {epoch}/{epochs}";
    }

    public void OnMemberStarted(int member, int members)
    {
        _overall?.StopTask();
        (_overall, _epoch) = (null, null);
        label = $"{label.Split(" member ")[0]} member {member}/{members}";
        console.MarkupLineInvariant($"[bold]ensemble member {member} of {members}[/]");
    }

    public void OnBatchCompleted(int epoch, int batch, int batches) => _epoch?.Value(batch);

    public void OnEpochCompleted(EpochRecord record, int epochs)
    {
        _overall?.Increment(1);
        if (_overall is not null)
        {
            _overall.Description = string.Create(
                CultureInfo.InvariantCulture, $"{label}  train {record.TrainLoss:0.00}  val {record.ValidationLoss:0.00}");
        }
        console.MarkupLineInvariant(
            $"[grey]epoch {record.Epoch,4}/{epochs}[/]  ",
            $"train loss {record.TrainLoss,9:0.000}  validation loss {record.ValidationLoss,9:0.000}  {record.Seconds,6:0.00} s");
    }
}
