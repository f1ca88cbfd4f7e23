using EcgAnomaly.Ectopy;
using EcgAnomaly.Signals;

namespace EcgAnomaly.Tests.Ectopy;

/// <summary>
/// The population classifier on beats built to be separable: V beats reconstruct badly and have another QRS, S beats
/// have a normal QRS but come early; the classes the test built them as are the expected labels.
/// </summary>
public sealed class EctopicClassifierTest
{
    // The shape groups the beats fall in: V beats in a group of early beats, N and S beats in the dominant on-time group
    private static readonly ShapeGroupRhythm VGroup = new(0.1, 0.6, 1.4);
    private static readonly ShapeGroupRhythm NGroup = new(0.9, 1.0, 1.0);

    [Fact]
    public void Should_tell_wide_beats_from_early_normal_ones_When_fitted_on_such_beats()
    {
        // Given
        var random = new Random(11);
        EctopicFeatures Beat(AamiClass aami) => aami switch
        {
            AamiClass.V => new(3 + random.NextDouble(), 0.3 + (0.3 * random.NextDouble()), new BeatRhythm(0.6, 1.4, 1.0), VGroup),
            AamiClass.S => new(0.5 + (0.3 * random.NextDouble()), 0.97, new BeatRhythm(0.6 + (0.1 * random.NextDouble()), 1.1, 1.0),
                NGroup),
            _ => new(0.4 + (0.4 * random.NextDouble()), 0.95 + (0.04 * random.NextDouble()), new BeatRhythm(1.0, 1.0, 1.0), NGroup),
        };
        var classes = Enumerable.Range(0, 600).Select(i => i % 10 == 0 ? AamiClass.V : i % 10 == 1 ? AamiClass.S : AamiClass.N).ToArray();
        var beats = classes.Select(c => (Beat(c), c)).ToArray();

        // When
        var classifier = EctopicClassifier.Fit(beats, ["synthetic/1"]);
        var fresh = classes.Select(c => (Features: Beat(c), Class: c)).ToArray();

        // Then
        Assert.All(fresh, b => Assert.Equal(b.Class, classifier.Classify(b.Features).Class));
        Assert.Equal(["synthetic/1"], classifier.TrainedOn);
        var json = EcgAnomaly.RunFolders.RunJson.Serialize(classifier);
        Assert.Equal(classifier.VebThreshold, EctopicClassifier.Parse(json, "c.json").VebThreshold);
    }

    [Fact]
    public void Should_refuse_a_file_of_another_layout_naming_it()
    {
        var e = Assert.Throws<DataFormatException>(() => EctopicClassifier.Parse(
            """
            {"trainedOn":[],"layout":"v0","vebWeights":[1,2,3,4,5,6,7,8,9,10],"svebWeights":[1,2,3,4,5,6,7,8,9,10],
             "vebThreshold":0.5,"svebThreshold":0.5}
            """,
            "c.json"));
        Assert.Contains("c.json", e.Message);
        Assert.Contains("layout", e.Message);
    }
}
