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
}
