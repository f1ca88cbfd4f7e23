using EcgAnomaly.Signals;

namespace EcgAnomaly.Tests.Signals;

public sealed class BeatScannerTest
{
    [Fact]
    public void Should_cut_one_beat_per_detected_peak_in_the_signals_units_with_r_at_sample_3_When_the_window_is_rr()
    {
        // Given: record 100's first two minutes, R peaks known from the reference annotations
        var rec = WfdbRecord.Open(RawEcg.Record("mitdb/100"));
        var signal = rec.ReadSignal(0).AsSpan(0, 43_200).ToArray();
        var scanner = new BeatScanner(rec.SamplingFrequency, 140, BeatWindow.Rr);

        // When: streamed in uneven chunks
        var beats = new List<ExtractedBeat>();
        for (var i = 0; i < signal.Length; i += 5_000) beats.AddRange(scanner.Push(signal.AsSpan(i, Math.Min(5_000, signal.Length - i))));
        beats.AddRange(scanner.Finish());

        // Then: not normalised (RecordBeats does that), so sample 3 is the raw signal at the R peak, in mV
        Assert.InRange(beats.Count, scanner.Peaks.Count - 2, scanner.Peaks.Count);
        foreach (var beat in beats)
        {
            Assert.Equal(140, beat.Values.Length);
            Assert.Equal(signal[beat.Sample], beat.Values[BeatWindow.RrPeakIndex], 1e-4f);
        }
        // Record 100's MLII R waves are upright and the largest deflection: the maximum sits at the R index (3) +- 2.
        var atR = beats.Count(b => Math.Abs(Array.IndexOf(b.Values, b.Values.Max()) - BeatWindow.RrPeakIndex) <= 2);
        Assert.True(atR >= 0.95 * beats.Count, $"{atR} of {beats.Count} beats peak at sample 3");
    }

    [Fact]
    public void Should_centre_the_r_wave_where_the_fixed_window_puts_it_When_the_window_is_fixed()
    {
        var rec = WfdbRecord.Open(RawEcg.Record("mitdb/100"));
        var signal = rec.ReadSignal(0).AsSpan(0, 21_600).ToArray();
        var window = BeatWindow.Parse("fixed:0.25,0.45");
        var scanner = new BeatScanner(rec.SamplingFrequency, 140, window);

        var beats = scanner.Push(signal).Concat(scanner.Finish()).ToArray();

        var expected = (int)Math.Round(0.25 / 0.70 * 140); // sample 50
        Assert.NotEmpty(beats);
        Assert.All(beats, b => Assert.InRange(Array.IndexOf(b.Values, b.Values.Max()), expected - 2, expected + 2));
    }

    [Theory]
    [InlineData("rr", "rr")]
    [InlineData(" RR ", "rr")]
    [InlineData("fixed:0.25,0.45", "fixed:0.25,0.45")]
    public void Should_parse_and_print_the_same_window_When_given_a_valid_form(string text, string printed) =>
        Assert.Equal(printed, BeatWindow.Parse(text).ToString());

    [Theory]
    [InlineData("fixed")]
    [InlineData("fixed:0.2")]
    [InlineData("fixed:-1,0.4")]
    [InlineData("centred")]
    public void Should_refuse_with_the_accepted_forms_When_the_window_is_unknown(string text)
    {
        var error = Assert.Throws<FormatException>(() => BeatWindow.Parse(text));
        Assert.Contains("fixed:B,A", error.Message);
    }
}
