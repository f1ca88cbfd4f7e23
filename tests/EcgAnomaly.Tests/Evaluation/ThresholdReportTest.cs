using System.Text.Json;
using EcgAnomaly.Evaluation;

namespace EcgAnomaly.Tests.Evaluation;

/// <summary>
/// Expected confusion counts, precision, recall and F1 from scikit-learn (confusion_matrix, precision_score,
/// recall_score, f1_score with zero_division=0) and per-class detection rates from NumPy:
/// Fixtures/make_sklearn_threshold_fixtures.py (Debian python3-sklearn).
/// </summary>
public sealed class ThresholdReportTest
{
    private static readonly string Fixture = TestData.Fixture("sklearn_threshold_cases.json");

    public static TheoryData<string> Cases() => FixtureCases.Names(Fixture);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Should_count_like_sklearn_confusion_matrix_When_scores_are_thresholded(string name)
    {
        // Given
        var (scores, classes, c) = Case(name);

        // When
        var report = Compute(scores, classes, c);

        // Then
        Assert.Equal(c.GetProperty("truePositives").GetInt32(), report.TruePositives);
        Assert.Equal(c.GetProperty("falsePositives").GetInt32(), report.FalsePositives);
        Assert.Equal(c.GetProperty("trueNegatives").GetInt32(), report.TrueNegatives);
        Assert.Equal(c.GetProperty("falseNegatives").GetInt32(), report.FalseNegatives);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Should_equal_sklearn_precision_recall_and_f1_When_scores_are_thresholded(string name)
    {
        // Given
        var (scores, classes, c) = Case(name);

        // When
        var report = Compute(scores, classes, c);

        // Then
        Assert.Equal(c.GetProperty("precision").GetDouble(), report.Precision, 12);
        Assert.Equal(c.GetProperty("recall").GetDouble(), report.Recall, 12);
        Assert.Equal(c.GetProperty("f1").GetDouble(), report.F1, 12);
        Assert.Equal(c.GetProperty("falseAlarmRate").GetDouble(), report.FalseAlarmRate, 12);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Should_equal_numpy_per_class_detection_When_several_classes_are_present(string name)
    {
        // Given
        var (scores, classes, c) = Case(name);
        var expected = c.GetProperty("perClass").EnumerateObject()
            .ToDictionary(p => int.Parse(p.Name, System.Globalization.CultureInfo.InvariantCulture), p => p.Value);

        // When
        var report = Compute(scores, classes, c);

        // Then
        Assert.Equal(expected.Keys.Order(), report.PerClass.Keys.Order());
        foreach (var (cls, want) in expected)
        {
            Assert.Equal(want.GetProperty("beats").GetInt32(), report.PerClass[cls].Beats);
            Assert.Equal(want.GetProperty("flagged").GetInt32(), report.PerClass[cls].Flagged);
            Assert.Equal(want.GetProperty("rate").GetDouble(), report.PerClass[cls].Rate, 12);
        }
    }

    [Fact]
    public void Should_hold_ties_at_the_threshold_and_an_all_normal_set_When_the_fixture_is_read()
    {
        // The cases the other tests rely on are really in the fixture (a regenerated fixture cannot drop them silently).
        var cases = FixtureCases.All(Fixture);
        Assert.Contains(cases, c =>
            c.GetProperty("scores").EnumerateArray().Any(s => s.GetDouble() == c.GetProperty("threshold").GetDouble()));
        Assert.Contains(cases, c =>
            c.GetProperty("classes").EnumerateArray().All(v => v.GetInt32() == c.GetProperty("normalClass").GetInt32()));
        Assert.Contains(cases, c => c.GetProperty("perClass").EnumerateObject().Count() == 5);
        Assert.Contains(cases, c => c.GetProperty("normalClass").GetInt32() != 1);
    }

    private static ThresholdReport Compute(double[] scores, int[] classes, JsonElement c) =>
        ThresholdReport.Compute(scores, classes, c.GetProperty("normalClass").GetInt32(), c.GetProperty("threshold").GetDouble());

    private static (double[] Scores, int[] Classes, JsonElement Case) Case(string name) => FixtureCases.Find(Fixture, name, "classes");

}
