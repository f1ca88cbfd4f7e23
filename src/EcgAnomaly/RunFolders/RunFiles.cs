namespace EcgAnomaly.RunFolders;

/// <summary>The names of the files in a run folder.</summary>
public static class RunFiles
{
    /// <summary>Last-epoch weights as a PyTorch state dict.</summary>
    public const string Weights = "model.pt";

    /// <summary>Best-validation-epoch weights as a PyTorch state dict.</summary>
    public const string BestWeights = "model-best.pt";

    /// <summary>The <see cref="ModelManifest"/>.</summary>
    public const string Manifest = "model.json";

    /// <summary>The <see cref="RunMetrics"/>.</summary>
    public const string Metrics = "metrics.json";

    /// <summary>Train and validation loss per epoch.</summary>
    public const string History = "history.csv";

    /// <summary>Every test beat's class, scores (last and best model) and flag.</summary>
    public const string Scores = "test-scores.csv";

    /// <summary>The validation-normal scores the threshold was chosen from (<see cref="ValidationScoresFile"/>).</summary>
    public const string ValidationScores = "validation-scores.csv";

    /// <summary>Loss curves (the study's first plot).</summary>
    public const string LossPlot = "loss.png";

    /// <summary>Score histograms of normal and abnormal test beats, with the threshold.</summary>
    public const string HistogramPlot = "histogram.png";

    /// <summary>The ROC curve with its AUC.</summary>
    public const string RocPlot = "roc.png";

    /// <summary>A normal and an abnormal test beat with their reconstructions.</summary>
    public const string SamplePlot = "sample.png";

    /// <summary>The run at a glance, with the plots.</summary>
    public const string Report = "report.md";

    /// <summary>Last-epoch weights of ensemble member <paramref name="member"/> (1-based; the first is <see cref="Weights"/>).</summary>
    public static string MemberWeights(int member) => member == 1 ? Weights : $"model-member{member}.pt";

    /// <summary>Best-validation weights of ensemble member <paramref name="member"/> (the first's is <see cref="BestWeights"/>).</summary>
    public static string MemberBestWeights(int member) => member == 1 ? BestWeights : $"model-member{member}-best.pt";

    /// <summary>Loss history of ensemble member <paramref name="member"/> (the first's is <see cref="History"/>).</summary>
    public static string MemberHistory(int member) => member == 1 ? History : $"history-member{member}.csv";

    /// <summary>Every file a complete training run writes.</summary>
    public static IReadOnlyList<string> All { get; } =
        [Weights, BestWeights, Manifest, Metrics, History, Scores, ValidationScores, LossPlot, HistogramPlot, RocPlot, SamplePlot, Report];
}
