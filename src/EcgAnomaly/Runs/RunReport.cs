using EcgAnomaly.RunFolders;
using System.Globalization;
using System.Text;

namespace EcgAnomaly.Runs;

/// <summary>report.md: the run at a glance, with the plots.</summary>
public static class RunReport
{
    /// <summary>report.md of a finished run: what was trained, both models' ROC and PR AUC, threshold metrics, the plots.</summary>
    /// <param name="request">The run's request (for the data set's name).</param>
    /// <param name="m">The run's metrics.json.</param>
    public static string Markdown(TrainingRunRequest request, RunMetrics m)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(m);
        var md = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        md.Append(c, $"# {m.Model}: {request.Description.DataSet}, {m.Protocol} protocol, seed {m.Seed}\n\n");
        md.Append(c, $"Trained {m.Epochs} epochs on {m.TrainBeats} normal beats (validation {m.ValidationBeats}), ");
        md.Append(c, $"Adam {request.Options.LearningRate:0.#####} with the {Recipe(request.Options.Schedule)}");
        if (request.Options.WarmupEpochs > 0) md.Append(c, $", after a linear warm-up over {request.Options.WarmupEpochs} epochs");
        if (request.Options.GradientClipNorm is double clip) md.Append(c, $", gradients clipped to norm {clip:0.###}");
        md.Append("; ");
        md.Append(c, $"tested on {m.TestBeats} beats. ");
        md.Append(c, $"{m.Parameters:N0} parameters, {m.SecondsPerEpochMedian:0.00} s per epoch ");
        md.Append(c, $"(median, {m.Engine ?? "unknown"} engine).\n\n");
        if (m.MemberRocAucs is { } members)
        {
            md.Append(c, $"An ensemble of {m.Ensemble} networks (seeds {m.Seed} to {m.Seed + m.Ensemble - 1}, the same split), ");
            md.Append(c, $"scored with the mean of their scores; the parameters are each member's. ");
            md.Append(c, $"Each member alone, last epoch: ROC AUC {string.Join(" / ", members.Select(a => a.ToString("0.0000", c)))} ");
            md.Append(c, $"(mean {members.Average():0.0000}).\n\n");
        }
        md.Append("| metric | last epoch (the study's) | best validation epoch |\n|---|---|---|\n");
        md.Append(c, $"| ROC AUC | {m.RocAuc:0.0000} | {m.RocAucBest:0.0000} (epoch {m.BestEpoch}) |\n");
        md.Append(c, $"| PR AUC (average precision) | {m.PrAuc:0.0000} | {m.PrAucBest:0.0000} |\n\n");
        md.Append(c, $"At the threshold {m.Threshold:0.###} ");
        md.Append(c, $"({m.ThresholdPolicy} of validation-normal scores, chosen without test labels): ");
        md.Append(c, $"precision {m.Precision:0.000}, recall {m.Recall:0.000}, F1 {m.F1:0.000}, ");
        md.Append(c, $"false-alarm rate {m.FalseAlarmRate:0.000}.\n\n");
        md.Append("| class | detection rate |\n|---|---|\n");
        foreach (var (cls, rate) in m.PerClassDetection) md.Append(c, $"| {cls} | {rate:0.000} |\n");
        md.Append('\n');
        md.Append("![loss](loss.png)\n\n![histogram](histogram.png)\n\n![roc](roc.png)\n\n![sample](sample.png)\n");
        return md.ToString();
    }

    private static string Recipe(Training.LearningRateSchedule schedule) => schedule switch
    {
        Training.LearningRateSchedule.Tail => "tail recipe (constant rate, cosine decay over the last fifth)",
        Training.LearningRateSchedule.Cosine => "cosine recipe (the rate decays over the whole run)",
        _ => "study's recipe (constant rate)",
    };
}
