namespace EcgAnomaly.RunFolders;

/// <summary>The names of the files in a run folder.</summary>
public static class RunFiles
{
    public const string Weights = "model.pt";
    public const string BestWeights = "model-best.pt";
    public const string Manifest = "model.json";
    public const string Metrics = "metrics.json";
    public const string History = "history.csv";
    public const string Scores = "test-scores.csv";
    public const string ValidationScores = "validation-scores.csv";
    public const string LossPlot = "loss.png";
    public const string HistogramPlot = "histogram.png";
    public const string RocPlot = "roc.png";
    public const string SamplePlot = "sample.png";
    public const string Report = "report.md";

    public static IReadOnlyList<string> All { get; } =
        [Weights, BestWeights, Manifest, Metrics, History, Scores, ValidationScores, LossPlot, HistogramPlot, RocPlot, SamplePlot, Report];
}
