namespace EcgAnomaly.RunFolders;

/// <summary>What metrics.json holds: test-set quality of the last-epoch model (the study's) and of the best-validation one.</summary>
public sealed record RunMetrics
{
    public required string Model { get; init; }
    public required long Parameters { get; init; }
    public required double RocAuc { get; init; }
    public required double RocAucBest { get; init; }
    public required double PrAuc { get; init; }
    public required double PrAucBest { get; init; }
    public required double Threshold { get; init; }
    public required string ThresholdPolicy { get; init; }
    public required double Precision { get; init; }
    public required double Recall { get; init; }
    public required double F1 { get; init; }
    public required double FalseAlarmRate { get; init; }
    public required Confusion Confusion { get; init; }

    /// <summary>Fraction of each abnormal class's test beats flagged at the threshold, keyed by class.</summary>
    public required IReadOnlyDictionary<string, double> PerClassDetection { get; init; }
    public required int Epochs { get; init; }
    public required int BestEpoch { get; init; }
    public required double FinalTrainLoss { get; init; }
    public required double FinalValidationLoss { get; init; }
    public required double SecondsPerEpochMedian { get; init; }

    /// <summary>The engine that trained the model, "fast" or "torchsharp" (absent in runs from before it was recorded).</summary>
    public string? Engine { get; init; }
    public required int TrainBeats { get; init; }
    public required int ValidationBeats { get; init; }
    public required int TestBeats { get; init; }
    public required int Seed { get; init; }
    public required string Protocol { get; init; }
}
