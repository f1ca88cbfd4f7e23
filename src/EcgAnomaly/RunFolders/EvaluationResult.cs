namespace EcgAnomaly.RunFolders;

/// <summary>evaluation.json: a detector's quality on one labelled file.</summary>
public sealed record EvaluationResult(
    string Input,
    int Beats,
    int NormalClass,
    double RocAuc,
    double PrAuc,
    double Threshold,
    Confusion Confusion,
    double Precision,
    double Recall,
    double F1,
    double FalseAlarmRate,
    IReadOnlyDictionary<string, double> PerClassDetection);
