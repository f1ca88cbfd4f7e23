using System.Text.Json;
using EcgAnomaly.Evaluation;

namespace EcgAnomaly.Tests.Evaluation;

/// <summary>Expected values computed by scikit-learn and NumPy: Fixtures/make_sklearn_fixtures.py (Debian python3-sklearn).</summary>
public sealed class RankingMetricsTest
{
    private static readonly string Fixture = TestData.Fixture("sklearn_metric_cases.json");

    public static TheoryData<string> Cases() => FixtureCases.Names(Fixture);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Should_equal_sklearn_roc_auc_When_scores_have_ties_or_not(string name)
    {
        var (scores, labels, c) = Case(name);
        Assert.Equal(c.GetProperty("rocAuc").GetDouble(), RankingMetrics.RocAuc(scores, labels), 12);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Should_equal_sklearn_average_precision_When_scores_have_ties_or_not(string name)
    {
        var (scores, labels, c) = Case(name);
        Assert.Equal(c.GetProperty("averagePrecision").GetDouble(), RankingMetrics.AveragePrecision(scores, labels), 12);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Should_equal_numpy_percentile_When_interpolating(string name)
    {
        var (scores, _, c) = Case(name);
        Assert.Equal(c.GetProperty("percentile99").GetDouble(), Percentile.Of(scores, 99), 12);
        Assert.Equal(c.GetProperty("percentile50").GetDouble(), Percentile.Of(scores, 50), 12);
    }

    [Fact]
    public void Should_refuse_When_only_one_class_is_present()
    {
        Assert.Throws<ArgumentException>(() => RankingMetrics.RocAuc([0.1, 0.2], [1, 1]));
    }

    private static (double[] Scores, int[] Labels, JsonElement Case) Case(string name) => FixtureCases.Find(Fixture, name, "labels");

}
