using EcgAnomaly.Signals;

namespace EcgAnomaly.Tests.Signals;

/// <summary>
/// MIT-BIH record 207 (raw-ecg/mitdb, byte-identical to PhysioNet's) has episodes of ventricular flutter, each between
/// a VFON ([) and a VFOFF (]) annotation; EC57 and bxb leave them out of the QRS statistics. The expected values come
/// from the annotation file itself: its episode boundaries, the beats outside them and the flutter waves inside.
/// </summary>
public sealed class Ec57Record207Test
{
    private const int FlutterWave = 31, VfOn = 32, VfOff = 33;

    [Fact]
    public void Should_count_only_beats_outside_the_flutter_episodes_When_comparing_record_207()
    {
        // Given: the reference, its episodes in file order, and an algorithm that finds every reference beat and also
        // fires on every flutter wave (!) inside the episodes, as a QRS detector does on flutter
        var path = RawEcg.Record("mitdb/207");
        var header = WfdbHeader.Read(path + ".hea");
        var reference = WfdbAnnotationReader.Read(path + ".atr", header.SamplingFrequency);
        var episodes = Episodes(reference);
        var beatsOutside = reference.Where(a => a.IsBeat && !episodes.Any(e => e.On <= a.Sample && a.Sample <= e.Off)).ToList();
        var waves = reference.Where(a => a.Code == FlutterWave).ToList();
        var test = reference.Where(a => a.IsBeat).Concat(waves.Select(w => w with { Code = 1, Symbol = "N" }))
            .OrderBy(a => a.Sample).ToList();
        var options = new Ec57Options(header.SamplingFrequency) { StartSample = 0, EndSample = header.SamplesPerSignal };

        // When
        var counts = Ec57Comparison.Compare(reference, test, options);

        // Then: the file's episodes enclose every "(VFL" rhythm note, and hold its flutter waves
        Assert.NotEmpty(episodes);
        Assert.All(reference.Where(a => a.Aux == "(VFL"), r => Assert.Contains(episodes, e => e.On <= r.Sample && r.Sample <= e.Off));
        Assert.All(waves, w => Assert.Contains(episodes, e => e.On <= w.Sample && w.Sample <= e.Off));
        // The reference beats counted are those outside the episodes, all found; the detections on flutter are not
        // counted as false positives. (207's annotators labelled no beat inside an episode, only flutter waves, so
        // there the exclusion shows in the detections; the hand-worked Ec57ComparisonTest covers a beat inside.)
        Assert.Equal(beatsOutside.Count, counts.QrsTruePositives + counts.QrsFalseNegatives);
        Assert.Equal((0L, 0L), (counts.QrsFalseNegatives, counts.QrsFalsePositives));
        Assert.Equal(beatsOutside.Count(b => b.Code is 5 or 10 or 41), counts.VebTruePositives);
    }

    [Fact]
    public void Should_count_the_flutter_detections_as_extra_beats_When_the_episode_markers_are_removed()
    {
        // Given: the same comparison with the reference's VFON and VFOFF annotations taken out
        var path = RawEcg.Record("mitdb/207");
        var header = WfdbHeader.Read(path + ".hea");
        var reference = WfdbAnnotationReader.Read(path + ".atr", header.SamplingFrequency);
        var waves = reference.Where(a => a.Code == FlutterWave).ToList();
        var test = reference.Where(a => a.IsBeat).Concat(waves.Select(w => w with { Code = 1, Symbol = "N" }))
            .OrderBy(a => a.Sample).ToList();
        var unmarked = reference.Where(a => a.Code is not (VfOn or VfOff)).ToList();
        var options = new Ec57Options(header.SamplingFrequency) { StartSample = 0, EndSample = header.SamplesPerSignal };

        // When
        var counts = Ec57Comparison.Compare(unmarked, test, options);

        // Then: every detection on a flutter wave is now an extra beat (row O); the exclusion above is the markers' doing
        Assert.Equal(waves.Count, counts.QrsFalsePositives);
        Assert.Equal(reference.Count(a => a.IsBeat), counts.QrsTruePositives + counts.QrsFalseNegatives);
    }

    // Episodes as bxb reads them: from each VFON to the next VFOFF, in file order.
    private static List<(long On, long Off)> Episodes(IReadOnlyList<WfdbAnnotation> annotations)
    {
        var episodes = new List<(long On, long Off)>();
        long? on = null;
        foreach (var a in annotations)
        {
            if (a.Code == VfOn && on is null) on = a.Sample;
            else if (a.Code == VfOff && on is { } start)
            {
                episodes.Add((start, a.Sample));
                on = null;
            }
        }
        Assert.Null(on);
        return episodes;
    }
}
