using EcgAnomaly.Ectopy;
using EcgAnomaly.Evaluation;
using EcgAnomaly.Recordings;
using EcgAnomaly.Signals;
using EcgAnomaly.Tests.Signals;

namespace EcgAnomaly.Tests.Recordings;

/// <summary>
/// QRS correlation with the patient's dominant shape when that shape changes after the first minutes: MIT-BIH 207's
/// most frequent QRS later in the record is not the one of its first 5 minutes. The beats are labelled with the AAMI class
/// of the reference annotation they match (207.atr), so the expected ordering comes from the cardiologists' labels.
/// </summary>
public sealed class QrsShapesTest
{
    [Theory]
    [InlineData("207", true)]
    [InlineData("119", false)]
    public void Should_compare_beats_with_the_later_most_frequent_shape_only_When_it_differs_from_the_first_minutes(
        string name, bool changed)
    {
        // Given: the dominant QRS shape of the first 5 minutes' detected beats, as train --record keeps it
        // (140 samples, the default model's beat length)
        var record = EcgRecording.Open(RawEcg.Record("mitdb/" + name));
        var lead = record.ResolveLead(null);
        var split = (long)(300 * record.Signals[lead].SamplingFrequency);
        var early = RecordBeats.Scan(record, lead, 140, BeatShapeClusters.Window, 0, split).Select(b => b.Values).ToArray();
        var template = BeatShapeClusters.Of(early).MeanShape(0);
        // The beats measured are the detector's after minute 5, each with the class of the reference beat it matched
        var samples = RecordBeats.Scan(record, lead, 140, BeatShapeClusters.Window, split, long.MaxValue)
            .Select(b => b.Sample).ToArray();
        var classes = ReferenceBeats.Load(record, lead)!.Between(split, long.MaxValue).Match(samples).Matched
            .Select(m => m?.Aami).ToArray();
        var rhythm = BeatRhythm.Of(samples, record.Signals[lead].SamplingFrequency);

        // When
        var (correlations, _, agreement) = QrsShapes.Measure(record, lead, split, template, samples, rhythm, groups: true,
            CancellationToken.None);

        // Then: 207's later normal beats disagree with the first minutes' shape (measured -0.83), 119's agree; either way
        // the reference N beats now match the shape they are compared with and the V beats match it worse
        Assert.True(changed == agreement < QrsShapes.ChangedNormal, $"agreement {agreement:0.000}");
        double Median(AamiClass aami) => Percentile.Of(
            [.. Enumerable.Range(0, samples.Length).Where(i => classes[i] == aami && double.IsFinite(correlations[i]))
                .Select(i => correlations[i])], 50);
        Assert.True(Median(AamiClass.N) > 0.9, $"N median correlation {Median(AamiClass.N):0.000}");
        Assert.True(Median(AamiClass.V) < Median(AamiClass.N) - 0.2, $"V {Median(AamiClass.V):0.000}, N {Median(AamiClass.N):0.000}");
    }
}
