using EcgAnomaly.Ectopy;

namespace EcgAnomaly.Tests.Ectopy;

/// <summary>RR intervals, local rhythm and prematurity of beats whose expected values are worked out by hand below.</summary>
public sealed class BeatRhythmTest
{
    [Fact]
    public void Should_measure_an_early_beat_and_its_pause_against_the_median_of_the_previous_intervals()
    {
        // Given: at 100 Hz, beats every 1.0 s, then one 0.6 s early, a 1.4 s pause, then on time again
        long[] peaks = [0, 100, 200, 300, 360, 500, 600];

        // When
        var rhythm = BeatRhythm.Of(peaks, 100);

        // Then: the early beat (index 4) has RR 0.6 against a local median of 1.0, and 1.4 after it
        Assert.True(double.IsNaN(rhythm[0].RrBefore));
        Assert.True(double.IsNaN(rhythm[0].LocalRr));
        Assert.True(double.IsNaN(rhythm[1].LocalRr), "the first interval has no interval before it");
        Assert.Equal(0.6, rhythm[4].RrBefore, 12);
        Assert.Equal(1.4, rhythm[4].RrAfter, 12);
        Assert.Equal(1.0, rhythm[4].LocalRr, 12);
        Assert.Equal(0.6, rhythm[4].Prematurity, 12);
        Assert.Equal(1.4 / 0.6, rhythm[4].Pause, 12);
        // Beat 6: intervals before it 1, 1, 1, 0.6, 1.4 -> median 1.0
        Assert.Equal(1.0, rhythm[6].LocalRr, 12);
        Assert.True(double.IsNaN(rhythm[6].RrAfter));
    }

    [Fact]
    public void Should_take_the_median_of_the_last_ten_intervals_only()
    {
        // Given: 12 intervals of 0.5 s, then 10 of 1.0 s (at 1000 Hz)
        var peaks = new List<long> { 0 };
        for (var i = 0; i < 12; i++) peaks.Add(peaks[^1] + 500);
        for (var i = 0; i < 10; i++) peaks.Add(peaks[^1] + 1000);

        // When
        var rhythm = BeatRhythm.Of(peaks, 1000);

        // Then: the last beat's previous ten intervals are nine of 1.0 s and one of 0.5 s
        Assert.Equal(1.0, rhythm[^1].LocalRr, 12);
        // Interval j ends at beat j: 1-12 are 0.5 s, 13-22 are 1.0 s. Beat 19 sees intervals 9-18 (0.5 x 4, 1.0 x 6),
        // beat 18 sees 8-17 (0.5 x 5, 1.0 x 5: the median is the mean of the middle two), beat 17 sees 7-16 (0.5 x 6)
        Assert.Equal(1.0, rhythm[19].LocalRr, 12);
        Assert.Equal(0.75, rhythm[18].LocalRr, 12);
        Assert.Equal(0.5, rhythm[17].LocalRr, 12);
    }
}
