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

    [Fact]
    public void Should_measure_an_on_time_beat_as_early_against_the_slow_end_of_a_rhythm_broken_by_pauses()
    {
        // Given: at 100 Hz, an atrial rhythm of 0.7 s broken by a 2.0 s pause every fifth interval (MIT-BIH 232's shape)
        var peaks = new List<long> { 0 };
        for (var i = 1; i <= 40; i++) peaks.Add(peaks[^1] + (i % 5 == 0 ? 200 : 70));

        // When
        var rhythm = BeatRhythm.Of(peaks, 100);

        // Then: beat 39 ends a 0.7 s interval. Its previous 30 intervals (9 to 38) hold 6 pauses of 2.0 s (10, 15, ..., 35)
        // and 24 of 0.7 s; sorted, the 90th percentile sits at position 29 x 0.9 = 26.1, among the pauses: 2.0 s.
        var beat = rhythm[39];
        Assert.Equal(1.0, beat.Prematurity, 12); // the median sees the atrial rhythm as the norm
        Assert.Equal(2.0, beat.SlowRr, 12);
        Assert.Equal(0.35, beat.SlowPrematurity, 12);
        // Its previous ten intervals (29 to 38) are 0.7 s but for two pauses (30, 35): successive differences
        // 1.3, 1.3, 0, 0, 0, 1.3, 1.3, 0, 0 -> median 0; over the local median 0.7 -> 0
        Assert.Equal(0.0, beat.Irregularity, 12);
        Assert.True(double.IsNaN(rhythm[4].SlowRr), "fewer than five intervals before it");
    }

    [Fact]
    public void Should_measure_the_irregularity_as_the_median_successive_difference_over_the_local_rhythm()
    {
        // Given: at 1000 Hz, intervals alternating 0.8 s and 1.2 s (as irregular as atrial fibrillation can look)
        var peaks = new List<long> { 0 };
        for (var i = 1; i <= 12; i++) peaks.Add(peaks[^1] + (i % 2 == 0 ? 1200 : 800));

        // When
        var rhythm = BeatRhythm.Of(peaks, 1000);

        // Then: every successive difference is 0.4 s and the median of the last ten intervals is 1.0 s
        Assert.Equal(0.4, rhythm[^1].Irregularity, 12);
        Assert.Equal(1.0, rhythm[^1].LocalRr, 12);
        Assert.True(double.IsNaN(rhythm[2].Irregularity), "one interval before it gives no difference");
    }
}
