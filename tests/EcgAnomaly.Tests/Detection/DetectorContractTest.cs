using EcgAnomaly.Data;
using EcgAnomaly.Detection;
using EcgAnomaly.Evaluation;

namespace EcgAnomaly.Tests.Detection;

/// <summary>What a detector does for every caller: another threshold policy, resampling, and copies that share the network.</summary>
[Collection(SharedTorch.Name)]
public sealed class DetectorContractTest
{
    private static string Bundle => TestData.Fixture(Path.Combine("legacy-runs", "lstm8-ecg5000"));

    [Fact]
    public void Should_choose_the_threshold_from_the_kept_validation_scores_When_asked_for_another_policy()
    {
        // Given
        using var detector = DetectorBundle.Load(Bundle);
        var validation = detector.ValidationScores.ToArray();

        // When
        using var median = detector.WithThresholdPolicy(ThresholdPolicy.Parse("percentile:50"));
        using var fixedAt = detector.WithThresholdPolicy(ThresholdPolicy.Parse("12.5"));

        // Then: the percentile is NumPy's (Percentile is checked against it), the original keeps its own threshold
        Assert.Equal(657, validation.Length);
        Assert.Equal(Percentile.Of(validation, 50), median.Threshold);
        Assert.Equal(12.5, fixedAt.Threshold);
        Assert.Equal(DetectorBundle.ReadManifest(Bundle).Threshold.Value, detector.Threshold);
        var beats = TestData.Ecg5000.Train;
        Assert.Equal(detector.Score(beats), median.Score(beats));
        Assert.Equal(detector.Score(beats).Select(s => s > median.Threshold), median.Predict(beats));
    }

    [Fact]
    public void Should_refuse_a_policy_that_needs_validation_scores_When_the_bundle_kept_none()
    {
        // Given: a copy of the bundle without its validation-scores.csv (as from an older tool version)
        using var folder = new TemporaryFolder();
        foreach (var file in new[] { "model.json", "model.pt" }) File.Copy(Path.Combine(Bundle, file), folder.Combine(file));
        using var detector = DetectorBundle.Load(folder.Path);

        // When
        var error = Assert.Throws<ArgumentException>(() => detector.WithThresholdPolicy(ThresholdPolicy.Parse("sigma:3")));
        using var fixedAt = detector.WithThresholdPolicy(ThresholdPolicy.Parse("40"));

        // Then
        Assert.Contains("needs the validation-normal scores", error.Message);
        Assert.Empty(detector.ValidationScores);
        Assert.Equal(40, fixedAt.Threshold);
    }

    [Fact]
    public void Should_resample_beats_of_another_length_only_When_asked_to()
    {
        // Given: 20 test beats stretched to 280 samples
        using var detector = DetectorBundle.Load(Bundle);
        var beats = TestData.Ecg5000.Train.Select(Enumerable.Range(0, 20).ToArray(), "first 20");
        var longer = BeatBatchReader.Resample(beats.Values, beats.Count, 140, 280);

        // When
        var refused = Assert.Throws<ArgumentException>(() => detector.Score(longer, 280));
        using var resampling = detector.WithResampling();
        var scores = resampling.Score(longer, 280);

        // Then: the same as scoring the beats resampled back by the caller
        Assert.Contains("resampling is off", refused.Message);
        Assert.False(detector.Accepts(280));
        Assert.True(resampling.Accepts(280));
        Assert.Equal(detector.Score(BeatBatchReader.Resample(longer, 20, 280, 140)), scores);
    }

    [Fact]
    public void Should_keep_scoring_with_the_original_When_a_copy_is_disposed()
    {
        // Given
        var beats = TestData.Ecg5000.Train.Select(Enumerable.Range(0, 8).ToArray(), "first 8");
        var detector = DetectorBundle.Load(Bundle);
        var before = detector.Score(beats);

        // When
        detector.WithThresholdPolicy(ThresholdPolicy.Parse("1")).Dispose();
        var after = detector.Score(beats);
        detector.Dispose();
        detector.Dispose();

        // Then
        Assert.Equal(before, after);
    }
}
