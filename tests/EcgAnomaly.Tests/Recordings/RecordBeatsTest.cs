using EcgAnomaly.Recordings;
using EcgAnomaly.Signals;
using EcgAnomaly.Tests.Signals;

namespace EcgAnomaly.Tests.Recordings;

public sealed class RecordBeatsTest
{
    [Fact]
    public void Should_give_the_scanners_beats_z_normalised_When_scanning_a_record()
    {
        // Given: record 100's first minute, cut by a bare scanner for comparison
        var rec = WfdbRecord.Open(RawEcg.Record("mitdb/100"));
        const long Minute = 21_600;
        var scanner = new BeatScanner(rec.SamplingFrequency, 140, BeatWindow.Rr);
        var raw = scanner.Push(rec.ReadSignal(0)).Concat(scanner.Finish()).Where(b => b.Sample < Minute).ToArray();

        // When
        var beats = RecordBeats.Scan(rec, 0, 140, BeatWindow.Rr, 0, Minute).ToArray();

        // Then: the same beats, each to mean 0 and sample standard deviation 1 (as ECG5000's)
        Assert.Equal(raw.Select(b => b.Sample), beats.Select(b => b.Sample));
        foreach (var beat in beats)
        {
            var mean = beat.Values.Average();
            var sd = Math.Sqrt(beat.Values.Sum(v => (v - mean) * (v - mean)) / 139);
            Assert.InRange(mean, -1e-4, 1e-4);
            Assert.InRange(sd, 0.999, 1.001);
        }
    }
}
