using System.Globalization;
using EcgAnomaly.Detection;
using EcgAnomaly.Models;
using EcgAnomaly.Recordings;
using EcgAnomaly.Tests.Signals;

namespace EcgAnomaly.Tests.Detection;

/// <summary>
/// Run folders written by the build before the typed model specs and the detector-owned preprocessing
/// (Fixtures/legacy-runs, made by commit d2b1bc3, see its README) still load and score as that build scored them.
/// </summary>
[Collection(SharedTorch.Name)]
public sealed class LegacyRunFolderTest
{
    [Theory]
    [InlineData("lstm8-ecg5000", typeof(LstmSpec))]
    [InlineData("transformer-ae-small", typeof(PatchTransformerSpec))]
    [InlineData("transformer-2-32-2-1", typeof(StudyTransformerSpec))]
    public void Should_rebuild_the_family_and_score_the_test_set_as_the_old_build_did_When_loading_an_old_run_folder(
        string name,
        Type family)
    {
        // Given: the old build's score of every test beat (seed protocol: all of ECG5000_TRAIN, in file order)
        var folder = TestData.Fixture(Path.Combine("legacy-runs", name));
        var expected = Column(Path.Combine(folder, "test-scores.csv"), "score");

        // When
        using var detector = DetectorBundle.Load(folder);
        var scores = detector.Score(TestData.Ecg5000.Train);

        // Then
        Assert.IsType(family, detector.Spec);
        Assert.Equal(DetectorBundle.ReadManifest(folder).Parameters, detector.ParameterCount);
        Assert.Equal(expected.Length, scores.Length);
        for (var i = 0; i < expected.Length; i++)
            Assert.True(Math.Abs(scores[i] - expected[i]) <= 1e-5 * Math.Abs(expected[i]), $"beat {i}: {scores[i]} vs {expected[i]}");
    }

    [Fact]
    public void Should_score_the_record_as_the_old_build_did_When_the_old_bundle_says_z_score()
    {
        // Given: an old record-trained bundle (z-score) and the first 300 beats its 'record' run scored after minute 2
        var folder = TestData.Fixture(Path.Combine("legacy-runs", "lstm8-record100"));
        var head = Path.Combine(folder, "record-100-beats-head.csv");
        var expectedSamples = Column(head, "sample");
        var expectedScores = Column(head, "score");
        using var output = new TemporaryFolder();

        // When
        RecordScoring.Execute(new RecordScoringRequest(folder, RawEcg.Record("mitdb/100"), output.Combine("out")));
        var beats = Path.Combine(output.Combine("out"), RecordScoring.BeatsFile);
        var samples = Column(beats, "sample");
        var scores = Column(beats, "score");

        // Then
        Assert.True(samples.Length >= expectedSamples.Length, $"only {samples.Length} beats scored");
        for (var i = 0; i < expectedSamples.Length; i++)
        {
            Assert.Equal(expectedSamples[i], samples[i]);
            Assert.True(
                Math.Abs(scores[i] - expectedScores[i]) <= 1e-5 * Math.Abs(expectedScores[i]),
                $"beat {i}: {scores[i]} vs {expectedScores[i]}");
        }
    }

    private static double[] Column(string csv, string name)
    {
        var lines = File.ReadAllLines(csv);
        var index = Array.IndexOf(lines[0].Split(','), name);
        Assert.True(index >= 0, $"{csv} has no column {name}");
        return lines.Skip(1).Select(l => double.Parse(l.Split(',')[index], CultureInfo.InvariantCulture)).ToArray();
    }
}
