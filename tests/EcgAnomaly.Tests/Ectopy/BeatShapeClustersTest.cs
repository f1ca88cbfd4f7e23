using EcgAnomaly.Ectopy;

namespace EcgAnomaly.Tests.Ectopy;

/// <summary>Beats grouped by shape without labels; expected groups are the shapes the test builds the beats from.</summary>
public sealed class BeatShapeClustersTest
{
    private const int Length = 140;

    [Fact]
    public void Should_put_the_more_frequent_shape_first_When_two_shapes_are_mixed_and_scaled()
    {
        // Given: 55 narrow beats and 45 wide ones of the opposite polarity (a bigeminy-like mix), interleaved, each
        // scaled, shifted and noisy; correlation ignores scale and offset, so only the shape may group them
        var random = new Random(3);
        var beats = new List<float[]>();
        var isNarrow = new List<bool>();
        for (var i = 0; i < 100; i++)
        {
            var narrow = i % 2 == 0 || i >= 90;
            beats.Add(Beat(narrow ? 0 : 1, random));
            isNarrow.Add(narrow);
        }

        // When
        var clusters = BeatShapeClusters.Of(beats);

        // Then
        Assert.Equal([55, 45], clusters.Sizes);
        Assert.Equal(0.55, clusters.Share(0), 12);
        for (var i = 0; i < beats.Count; i++) Assert.Equal(isNarrow[i] ? 0 : 1, clusters.Assignment[i]);
        Assert.Equal(Enumerable.Range(0, 100).Where(i => isNarrow[i]), clusters.Members(0));
        // Each beat matches its own shape's template closely and the other's poorly, whatever its scale and offset
        for (var i = 0; i < beats.Count; i++)
        {
            var own = isNarrow[i] ? 0 : 1;
            Assert.True(BeatShapeClusters.Correlation(beats[i], clusters.MeanShape(own)) > 0.99, $"beat {i} against its own shape");
            Assert.True(BeatShapeClusters.Correlation(beats[i], clusters.MeanShape(1 - own)) < 0.5, $"beat {i} against the other shape");
        }
    }

    [Fact]
    public void Should_find_the_same_groups_When_the_beats_come_in_another_order()
    {
        // Given: three shapes, 50 / 30 / 20 beats, in two orders
        var random = new Random(5);
        var shapes = Enumerable.Range(0, 100).Select(i => i < 50 ? 0 : i < 80 ? 1 : 2).ToArray();
        var beats = shapes.Select(s => Beat(s, random)).ToArray();
        var order = Enumerable.Range(0, 100).OrderBy(_ => random.Next()).ToArray();

        // When
        var forward = BeatShapeClusters.Of(beats);
        var shuffled = BeatShapeClusters.Of([.. order.Select(i => beats[i])]);

        // Then
        Assert.Equal([50, 30, 20], forward.Sizes);
        Assert.Equal(forward.Sizes, shuffled.Sizes);
        for (var k = 0; k < order.Length; k++) Assert.Equal(forward.Assignment[order[k]], shuffled.Assignment[k]);
        Assert.Equal(shapes, forward.Assignment);
    }

    [Fact]
    public void Should_give_no_cluster_When_there_are_no_beats_and_refuse_beats_of_different_lengths()
    {
        Assert.Empty(BeatShapeClusters.Of([]).Sizes);
        Assert.Throws<ArgumentException>(() => BeatShapeClusters.Of([new float[10], new float[11]]));
    }

    /// <summary>Shape 0: a narrow spike at sample 3 and a T wave; 1: a wide negative deflection; 2: a biphasic one.</summary>
    private static float[] Beat(int shape, Random random)
    {
        var scale = 0.5 + random.NextDouble();
        var offset = random.NextDouble() - 0.5;
        var beat = new float[Length];
        for (var t = 0; t < Length; t++)
        {
            var value = shape switch
            {
                0 => Math.Exp(-Math.Pow((t - 3) / 2.0, 2)) + (0.3 * Math.Exp(-Math.Pow((t - 60) / 12.0, 2))),
                1 => -Math.Exp(-Math.Pow((t - 15) / 12.0, 2)) + (0.4 * Math.Exp(-Math.Pow((t - 70) / 15.0, 2))),
                _ => Math.Sin(2 * Math.PI * t / Length) * Math.Exp(-t / 60.0),
            };
            beat[t] = (float)((scale * value) + offset + (0.02 * (random.NextDouble() - 0.5)));
        }
        return beat;
    }
}
