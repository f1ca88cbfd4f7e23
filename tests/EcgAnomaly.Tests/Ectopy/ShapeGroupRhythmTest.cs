using EcgAnomaly.Ectopy;

namespace EcgAnomaly.Tests.Ectopy;

/// <summary>Each beat gets its QRS shape group's share and median rhythm; the expected groups are the shapes built below.</summary>
public sealed class ShapeGroupRhythmTest
{
    [Fact]
    public void Should_give_each_beat_the_median_rhythm_of_its_shape_group()
    {
        // Given: 8 narrow on-time beats and 2 wide early ones followed by a pause, and one beat without a QRS window
        float[] Narrow() => [.. Enumerable.Range(0, 40).Select(t => (float)Math.Exp(-Math.Pow((t - 20) / 2.0, 2)))];
        float[] Wide() => [.. Enumerable.Range(0, 40).Select(t => (float)-Math.Exp(-Math.Pow((t - 15) / 8.0, 2)))];
        var qrs = new List<float[]?>();
        var rhythm = new List<BeatRhythm>();
        for (var i = 0; i < 8; i++)
        {
            qrs.Add(Narrow());
            rhythm.Add(new BeatRhythm(1.0 + (0.01 * i), 1.0, 1.0));
        }
        qrs.Add(Wide());
        rhythm.Add(new BeatRhythm(0.6, 1.4, 1.0));
        qrs.Add(Wide());
        rhythm.Add(new BeatRhythm(0.7, 1.3, 1.0));
        qrs.Add(null);
        rhythm.Add(new BeatRhythm(1, 1, 1));

        // When
        var groups = ShapeGroupRhythm.Of(qrs, rhythm);

        // Then: the narrow group holds 8 of the 10 shaped beats, median prematurity (1.03 + 1.04) / 2; the wide group
        // 2, median prematurity (0.6 + 0.7) / 2 and pause (1.4 / 0.6 + 1.3 / 0.7) / 2
        Assert.Equal(0.8, groups[0].Share, 12);
        Assert.Equal(1.035, groups[0].Prematurity, 12);
        Assert.Equal(0.2, groups[8].Share, 12);
        Assert.Equal(0.65, groups[9].Prematurity, 12);
        Assert.Equal(((1.4 / 0.6) + (1.3 / 0.7)) / 2, groups[8].Pause, 12);
        Assert.True(double.IsNaN(groups[10].Share));
    }
}
