using System.Text.Json.Serialization;
using EcgAnomaly.Evaluation;
using EcgAnomaly.Signals;

namespace EcgAnomaly.Databases;

/// <summary>
/// What the per-patient protocol adds to a record's result. The record's <see cref="RecordEvaluation.Counts"/> label the
/// flagged beats V (its VEB statistics); <see cref="SvebCounts"/> label them S. The scores of the test beats matched to
/// reference N, V and S beats are kept, so that a report (or a merge) can compute every AUC, pooled ones included.
/// </summary>
public sealed record PerPatientResult
{
    /// <summary>The detector's alarm threshold on reconstruction error.</summary>
    public required double Threshold { get; init; }

    /// <summary>Beats the model trained on.</summary>
    public required int TrainBeats { get; init; }

    /// <summary>Beats of the first minutes held out for validation and the threshold.</summary>
    public required int ValidationBeats { get; init; }

    /// <summary>Detected beats scored after the first minutes.</summary>
    public required int ScoredBeats { get; init; }

    /// <summary>Scored beats above the threshold.</summary>
    public required int FlaggedBeats { get; init; }

    /// <summary>The comparison with every flagged beat labelled S and the others N.</summary>
    [JsonConverter(typeof(Ec57CountsJsonConverter))]
    public required Ec57Counts SvebCounts { get; init; }

    /// <summary>Scores of scored beats matched to reference AAMI N beats.</summary>
    public required IReadOnlyList<double> NormalScores { get; init; }

    /// <summary>Scores of scored beats matched to reference AAMI V beats.</summary>
    public required IReadOnlyList<double> VebScores { get; init; }

    /// <summary>Scores of scored beats matched to reference AAMI S beats.</summary>
    public required IReadOnlyList<double> SvebScores { get; init; }

    /// <summary>With a population classifier: the S probabilities of the beats matched to AAMI N (the V ones are
    /// <see cref="NormalScores"/>); null otherwise.</summary>
    public IReadOnlyList<double>? NormalSvebScores { get; init; }

    /// <summary>True when the scores are probabilities comparable across records (pooled as they are, not divided by
    /// <see cref="Threshold"/>).</summary>
    public bool ScoresCalibrated { get; init; }

    /// <summary>Every scored beat with its reference class, score and rhythm; null in results older than it.</summary>
    public IReadOnlyList<PerPatientBeat>? Beats { get; init; }

    /// <summary>ROC AUC of AAMI N against V, or null without both.</summary>
    public double? VebAuc => Auc(NormalScores, VebScores);

    /// <summary>ROC AUC of AAMI N against S, or null without both.</summary>
    public double? SvebAuc => Auc(NormalSvebScores ?? NormalScores, SvebScores);

    /// <summary>ROC AUC of <paramref name="normal"/> (negatives) against <paramref name="abnormal"/>; null without both.</summary>
    public static double? Auc(IReadOnlyCollection<double> normal, IReadOnlyCollection<double> abnormal)
    {
        ArgumentNullException.ThrowIfNull(normal);
        ArgumentNullException.ThrowIfNull(abnormal);
        if (normal.Count == 0 || abnormal.Count == 0) return null;
        double[] scores = [.. normal, .. abnormal];
        int[] labels = [.. normal.Select(_ => 0), .. abnormal.Select(_ => 1)];
        return RankingMetrics.RocAuc(scores, labels);
    }
}
