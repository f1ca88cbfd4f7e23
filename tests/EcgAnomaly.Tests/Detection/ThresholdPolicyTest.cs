using EcgAnomaly.Detection;

namespace EcgAnomaly.Tests.Detection;

public sealed class ThresholdPolicyTest
{
    private static readonly double[] Scores = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

    [Theory]
    [InlineData("percentile:50", 5.5)] // NumPy: np.percentile(range(1, 11), 50) == 5.5
    [InlineData("percentile:99", 9.91)] // np.percentile(range(1, 11), 99) == 9.91
    [InlineData("fpr:0.1", 9.1)] // the 90th percentile: one in ten normals above it
    [InlineData("sigma:0", 5.5)] // the mean
    [InlineData("12.5", 12.5)]
    public void Should_choose_the_documented_threshold_When_given_a_policy(string text, double expected)
    {
        Assert.Equal(expected, ThresholdPolicy.Parse(text).Choose(Scores), 9);
    }

    [Fact]
    public void Should_add_k_population_standard_deviations_When_the_policy_is_sigma()
    {
        // np.mean(range(1,11)) + 2 * np.std(range(1,11)) = 5.5 + 2 * 2.8722813232690143
        Assert.Equal(5.5 + 2 * 2.8722813232690143, ThresholdPolicy.Parse("sigma:2").Choose(Scores), 9);
    }

    [Theory]
    [InlineData("percentile:101")]
    [InlineData("percentile:abc")]
    [InlineData("median:3")]
    [InlineData("fpr:2")]
    [InlineData("sigma:-1")]
    [InlineData("")]
    public void Should_refuse_with_the_valid_syntax_When_the_policy_is_invalid(string text)
    {
        Assert.False(ThresholdPolicy.TryParse(text, out _, out var error));
        Assert.NotEmpty(error);
    }

    [Fact]
    public void Should_round_trip_When_printed_and_parsed()
    {
        foreach (var text in new[] { "percentile:99", "sigma:3", "fpr:0.01", "7.25" })
            Assert.Equal(text, ThresholdPolicy.Parse(text).ToString());
    }
}
