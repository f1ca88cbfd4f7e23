using EcgAnomaly.Signals;

namespace EcgAnomaly.Tests.Signals;

/// <summary>Cases worked out by hand from the EC57 rule: one-to-one, nearest pairs first, within the window.</summary>
public sealed class BeatMatchingTest
{
    [Fact]
    public void Should_pair_each_beat_once_nearest_first_When_detections_crowd_a_reference()
    {
        // Reference 100 has detections at 95 and 103 (103 is nearer); 200 has none within 10; 300 matches 309.
        // Detection 95 is left over (a false positive), as is 500.
        long[] reference = [100, 200, 300];
        long[] detected = [95, 103, 309, 500];

        var result = BeatMatching.Compare(reference, detected, 10);

        Assert.Equal(new[] { 1, -1, 2 }, result.ReferenceMatch);
        Assert.Equal((2, 1, 2), (result.TruePositives, result.FalseNegatives, result.FalsePositives));
        Assert.Equal(2.0 / 3, result.Sensitivity, 12);
        Assert.Equal(0.5, result.PositivePredictivity, 12);
    }

    [Fact]
    public void Should_not_let_one_detection_serve_two_references_When_it_lies_between_them()
    {
        var result = BeatMatching.Compare([100, 112], [106], 10);

        Assert.Equal((1, 1, 0), (result.TruePositives, result.FalseNegatives, result.FalsePositives));
        Assert.Equal(new[] { 0, -1 }, result.ReferenceMatch); // equal distance: the earlier reference wins
    }
}
