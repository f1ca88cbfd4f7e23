using EcgAnomaly.Databases;
using EcgAnomaly.Signals;

namespace EcgAnomaly.Tests.Databases;

/// <summary>The per-patient totals on scores made by hand: AUCs averaged over the records that have the class, and pooled.</summary>
public sealed class PerPatientSummaryTest
{
    [Fact]
    public void Should_average_over_records_with_the_class_and_pool_scores_over_thresholds_When_summarising()
    {
        // Given: record a separates N from V perfectly (AUC 1) and has no S; record b ranks its only V below its only
        // N (AUC 0) and its S above (AUC 1). Divided by the thresholds (10 and 100), a's V (2.0) and b's V (0.5) rank
        // above a's N (0.1, 0.2) and b's V below b's N (0.9): 5 of 6 pairs in order.
        var a = Result(threshold: 10, normal: [1, 2], veb: [20], sveb: []);
        var b = Result(threshold: 100, normal: [90], veb: [50], sveb: [95]);

        // When
        var summary = PerPatientSummary.Of([a, b]);

        // Then
        Assert.Equal(1.0, a.VebAuc);
        Assert.Null(a.SvebAuc);
        Assert.Equal(0.5, summary.VebAucMean!.Value, 12);
        Assert.Equal(2, summary.VebAucRecords);
        Assert.Equal(1.0, summary.SvebAucMean!.Value, 12);
        Assert.Equal(1, summary.SvebAucRecords);
        Assert.Equal(5.0 / 6, summary.VebAucPooled!.Value, 12);
        // S: 0.95 above 0.1, 0.2 and 0.9.
        Assert.Equal(1.0, summary.SvebAucPooled!.Value, 12);
    }

    private static PerPatientResult Result(double threshold, double[] normal, double[] veb, double[] sveb) => new()
    {
        Threshold = threshold,
        TrainBeats = 1,
        ValidationBeats = 1,
        ScoredBeats = normal.Length + veb.Length + sveb.Length,
        FlaggedBeats = 0,
        SvebCounts = Ec57Counts.Zero,
        NormalScores = normal,
        VebScores = veb,
        SvebScores = sveb,
    };
}
