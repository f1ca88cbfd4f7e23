using EcgAnomaly.Ectopy;

namespace EcgAnomaly.Tests.Ectopy;

/// <summary>
/// The fitted weights against the closed form of a logistic regression on one binary feature: with balanced class
/// weights w+ and w-, the fitted probability in each group equals that group's weighted share of positives, so
/// w0 = logit(q0) and w1 = logit(q1) - logit(q0) (the maximum-likelihood solution, worked out by hand).
/// </summary>
public sealed class LogisticRegressionTest
{
    [Fact]
    public void Should_reach_the_closed_form_When_the_only_feature_is_binary()
    {
        // Given: group 0 has 30 positives of 100, group 1 has 80 of 100; 110 positives and 90 negatives in all
        var rows = new List<double[]>();
        var labels = new List<bool>();
        void Add(int group, int positives, int count)
        {
            for (var i = 0; i < count; i++)
            {
                rows.Add([1, group]);
                labels.Add(i < positives);
            }
        }
        Add(0, 30, 100);
        Add(1, 80, 100);

        // When
        var w = LogisticRegression.Fit(rows, labels, iterations: 30, ridge: 0);

        // Then: class weights are 200 / (2 x 110) for positives and 200 / (2 x 90) for negatives
        const double positive = 200 / 220.0;
        const double negative = 200 / 180.0;
        static double Logit(double p) => Math.Log(p / (1 - p));
        var q0 = 30 * positive / ((30 * positive) + (70 * negative));
        var q1 = 80 * positive / ((80 * positive) + (20 * negative));
        Assert.Equal(Logit(q0), w[0], 9);
        Assert.Equal(Logit(q1) - Logit(q0), w[1], 9);
        Assert.Equal(q1, LogisticRegression.Probability(w, [1, 1]), 9);
    }

    [Fact]
    public void Should_refuse_rows_without_labels_or_of_different_lengths()
    {
        Assert.Throws<ArgumentException>(() => LogisticRegression.Fit([], []));
        Assert.Throws<ArgumentException>(() => LogisticRegression.Fit([[1, 0], [1]], [true, false]));
        Assert.Throws<ArgumentException>(() => LogisticRegression.Fit([[1, 0]], [true, false]));
    }
}
