using System.Text.Json.Serialization;

namespace EcgAnomaly.RunFolders;

/// <summary>What metrics.json holds: test-set quality of the last-epoch model (the study's) and of the best-validation one.</summary>
public sealed record RunMetrics
{
    /// <summary>The model's short name, e.g. lstm32.</summary>
    public required string Model { get; init; }

    /// <summary>Trainable parameters.</summary>
    public required long Parameters { get; init; }

    /// <summary>ROC AUC of the last-epoch model on the test beats (abnormal = positive); NaN when a class is missing.</summary>
    public required double RocAuc { get; init; }

    /// <summary>ROC AUC of the best-validation-epoch model on the test beats.</summary>
    public required double RocAucBest { get; init; }

    /// <summary>Average precision (PR AUC) of the last-epoch model, as scikit-learn's average_precision_score.</summary>
    public required double PrAuc { get; init; }

    /// <summary>Average precision of the best-validation-epoch model.</summary>
    public required double PrAucBest { get; init; }

    /// <summary>The alarm threshold of the last-epoch model.</summary>
    public required double Threshold { get; init; }

    /// <summary>How the threshold was chosen, e.g. "percentile:99".</summary>
    public required string ThresholdPolicy { get; init; }

    /// <summary>Share (0-1) of flagged test beats that are abnormal.</summary>
    public required double Precision { get; init; }

    /// <summary>Share (0-1) of abnormal test beats flagged.</summary>
    public required double Recall { get; init; }

    /// <summary>Harmonic mean of precision and recall.</summary>
    public required double F1 { get; init; }

    /// <summary>Share (0-1) of normal test beats flagged.</summary>
    public required double FalseAlarmRate { get; init; }

    /// <summary>The counts behind precision, recall and false-alarm rate.</summary>
    public required Confusion Confusion { get; init; }

    /// <summary>Fraction of each abnormal class's test beats flagged at the threshold, keyed by class.</summary>
    public required IReadOnlyDictionary<string, double> PerClassDetection { get; init; }

    /// <summary>Epochs trained.</summary>
    public required int Epochs { get; init; }

    /// <summary>The 1-based epoch with the lowest validation loss.</summary>
    public required int BestEpoch { get; init; }

    /// <summary>The last epoch's training loss (mean over beats of each beat's summed absolute error).</summary>
    public required double FinalTrainLoss { get; init; }

    /// <summary>The last epoch's validation loss, in the same unit.</summary>
    public required double FinalValidationLoss { get; init; }

    /// <summary>Median seconds per epoch, training and validation pass together.</summary>
    public required double SecondsPerEpochMedian { get; init; }

    /// <summary>The engine that trained the model, "fast" or "torchsharp" (absent in runs from before it was recorded).</summary>
    public string? Engine { get; init; }

    /// <summary>Normal beats trained on.</summary>
    public required int TrainBeats { get; init; }

    /// <summary>Normal beats validated on (the threshold's source).</summary>
    public required int ValidationBeats { get; init; }

    /// <summary>Test beats, normal and abnormal.</summary>
    public required int TestBeats { get; init; }

    /// <summary>Seed of the split, the weight initialisation and the batch order.</summary>
    public required int Seed { get; init; }

    /// <summary>How the data set was split, e.g. "seed".</summary>
    public required string Protocol { get; init; }

    /// <summary>Networks averaged by the detector (1 for a single network).</summary>
    public int Ensemble { get; init; } = 1;

    /// <summary>For an ensemble: each member's own last-epoch ROC AUC on the test beats, in member order; null otherwise.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<double>? MemberRocAucs { get; init; }
}
