using EcgAnomaly.Signals;

namespace EcgAnomaly.Tests.Signals;

/// <summary>QRS detection scored against the reference beat annotations of the records (raw-ecg/SOURCE.md), the
/// standard way: 150 ms matching window, sensitivity and positive predictivity.</summary>
public sealed class QrsDetectorTest
{
    [Theory]
    [InlineData("mitdb/100", "MLII", 0.995)]
    [InlineData("svdb/800", "0", 0.99)]
    public void Should_find_the_annotated_beats_When_run_over_a_whole_record(string record, string lead, double bar)
    {
        // Given
        var rec = WfdbRecord.Open(RawEcg.Record(record));
        var reference = RawEcg.ReferenceBeats(rec);

        // When
        var peaks = QrsDetector.Detect(rec.ReadSignal(rec.LeadIndex(lead)), rec.SamplingFrequency);
        var result = BeatMatching.Compare(reference, peaks, (long)Math.Round(0.150 * rec.SamplingFrequency));

        // Then
        Assert.True(result.Sensitivity >= bar, $"sensitivity {result.Sensitivity:P3} ({result.FalseNegatives} missed)");
        Assert.True(
            result.PositivePredictivity >= bar, $"positive predictivity {result.PositivePredictivity:P3} ({result.FalsePositives} false)");
    }

    [Fact]
    public void Should_place_peaks_on_the_annotated_r_waves_When_matched()
    {
        var rec = WfdbRecord.Open(RawEcg.Record("mitdb/100"));
        var reference = RawEcg.ReferenceBeats(rec);
        var peaks = QrsDetector.Detect(rec.ReadSignal(0), rec.SamplingFrequency);

        var result = BeatMatching.Compare(reference, peaks, 54);
        var offsets = reference
            .Select((r, i) => result.ReferenceMatch[i] < 0 ? 0 : Math.Abs(peaks[result.ReferenceMatch[i]] - r))
            .Order()
            .ToArray();

        // 95 % of the peaks within 10 ms of the annotation (the annotations themselves are placed by hand and program).
        Assert.InRange(offsets[offsets.Length * 95 / 100], 0, (long)(0.010 * rec.SamplingFrequency));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(977)]
    [InlineData(65536)]
    public void Should_report_the_same_peaks_When_the_signal_arrives_in_chunks(int chunk)
    {
        var rec = WfdbRecord.Open(RawEcg.Record("svdb/800"));
        var signal = rec.ReadSignal(0).AsSpan(0, 60_000).ToArray();
        var whole = QrsDetector.Detect(signal, rec.SamplingFrequency);

        var detector = new QrsDetector(rec.SamplingFrequency);
        var streamed = new List<long>();
        for (var i = 0; i < signal.Length; i += chunk)
            streamed.AddRange(detector.Push(signal.AsSpan(i, Math.Min(chunk, signal.Length - i))));
        streamed.AddRange(detector.Finish());

        Assert.Equal(whole, streamed);
    }

    [Fact]
    public void Should_keep_its_accuracy_When_the_record_is_resampled_to_another_rate()
    {
        // Record 100 linearly resampled from 360 Hz to 250 Hz; the annotations move with it.
        var rec = WfdbRecord.Open(RawEcg.Record("mitdb/100"));
        var signal = rec.ReadSignal(0);
        const double fs = 250;
        var ratio = rec.SamplingFrequency / fs;
        var resampled = new float[(int)((signal.Length - 1) / ratio)];
        for (var k = 0; k < resampled.Length; k++)
        {
            var t = k * ratio;
            var i = (int)t;
            resampled[k] = (float)(signal[i] + (t - i) * (signal[Math.Min(i + 1, signal.Length - 1)] - signal[i]));
        }
        var reference = RawEcg.ReferenceBeats(rec).Select(r => (long)Math.Round(r / ratio)).ToArray();

        var peaks = QrsDetector.Detect(resampled, fs);
        var result = BeatMatching.Compare(reference, peaks, (long)(0.150 * fs));

        Assert.True(
            result.Sensitivity >= 0.995 && result.PositivePredictivity >= 0.995,
            $"Se {result.Sensitivity:P3}, +P {result.PositivePredictivity:P3}");
    }

    [Fact]
    public void Should_find_nothing_and_not_fail_When_the_signal_is_flat_or_short()
    {
        Assert.Empty(QrsDetector.Detect(new float[5000], 360));
        Assert.Empty(QrsDetector.Detect(new float[10], 360));
        Assert.Throws<ArgumentException>(() => QrsDetector.Detect([0f, float.NaN, 0f], 360));
    }
}
