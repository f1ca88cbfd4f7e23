using EcgAnomaly.Recordings;
using EcgAnomaly.Signals;
using EcgAnomaly.Tests.Signals;

namespace EcgAnomaly.Tests.Recordings;

public sealed class RecordBeatsTest
{
    [Fact]
    public void Should_give_the_scanners_beats_in_the_signals_units_When_scanning_a_record_in_chunks()
    {
        // Given: record 100's first minute, cut by a bare scanner in one piece for comparison
        var rec = WfdbRecord.Open(RawEcg.Record("mitdb/100"));
        const long Minute = 21_600;
        var scanner = new BeatScanner(rec.SamplingFrequency, 140, BeatWindow.Rr);
        var raw = scanner.Push(rec.ReadSignal(0)).Concat(scanner.Finish()).Where(b => b.Sample < Minute).ToArray();

        // When
        var beats = RecordBeats.Scan(rec, 0, 140, BeatWindow.Rr, 0, Minute).ToArray();

        // Then: the same beats with the same samples, not normalised (the detector does that, as its model.json says)
        Assert.Equal(raw.Select(b => b.Sample), beats.Select(b => b.Sample));
        Assert.Equal(raw.Length, beats.Length);
        for (var i = 0; i < raw.Length; i++) Assert.Equal(raw[i].Values, beats[i].Values);
    }

    [Fact]
    public void Should_detect_beats_on_both_sides_When_a_multi_segment_record_has_a_gap()
    {
        // Given: WFDB's own 'multi' record: a minute of record 100s, a 5 s null segment (NaN), the same minute again
        var path = Path.Combine(TestData.DataRoot, "wfdb-conformance", "wfdb-c", "data", "multi");
        var rec = EcgRecording.Open(path);
        var alone = RecordBeats.DetectPeaks(WfdbRecord.Open(Path.Combine(Path.GetDirectoryName(path)!, "100s")), 0);

        // When: the gap's NaN hold the value before it, so the detector gets numbers only
        var peaks = RecordBeats.DetectPeaks(rec, 0);

        // Then: the first minute's beats as in 100s alone, none in the flat gap, and the second minute's beats again
        Assert.IsType<WfdbMultiSegmentRecord>(rec);
        Assert.True(rec.ReadSignal(0).Skip(21_600).Take(1_800).All(float.IsNaN));
        var second = 21_600 + 1_800;
        Assert.Equal(alone.Where(p => p < 20_000), peaks.Where(p => p < 20_000));
        Assert.DoesNotContain(peaks, p => p > 21_700 && p < second);
        Assert.True(peaks.Count(p => p >= second) >= alone.Length - 3, $"{peaks.Count(p => p >= second)} beats after the gap");
    }

    [Fact]
    public void Should_agree_with_sqrs_in_the_signals_own_samples_When_the_lead_has_several_samples_per_frame()
    {
        // Given: MIMIC record 03700181, whose MCL1 lead has 4 samples per 125 Hz frame, and WFDB's sqrs beats, timed at
        // 250 Hz (the file's "## time resolution: 250" note)
        var path = Path.Combine(TestData.DataRoot, "wfdb-conformance", "wfdb-python", "sample-data", "03700181");
        var rec = EcgRecording.Open(path);
        var sqrs = rec.ReadAnnotations(0, "sqrs")!.Where(a => a.IsBeat).Select(a => a.Sample).ToList();

        // When: detected at the lead's own 500 Hz
        var peaks = RecordBeats.DetectPeaks(rec, 0);

        // Then: the annotation times, converted to the lead's samples, fall on the detected beats (within 150 ms)
        Assert.Equal(500, rec.Signals[0].SamplingFrequency);
        var match = BeatMatching.Compare(sqrs, peaks, 75);
        Assert.True(match.Sensitivity > 0.9, $"sensitivity {match.Sensitivity} against {sqrs.Count} sqrs beats");
    }
}
