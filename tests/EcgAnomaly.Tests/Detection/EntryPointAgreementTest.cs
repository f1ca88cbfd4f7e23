using System.Globalization;
using System.Text;
using System.Text.Json;
using EcgAnomaly.Detection;
using EcgAnomaly.Evaluation;
using EcgAnomaly.Recordings;
using EcgAnomaly.Signals;
using EcgAnomaly.Tests.Cli;
using EcgAnomaly.Tests.Signals;
using EcgAnomaly.Training;

namespace EcgAnomaly.Tests.Detection;

/// <summary>
/// One detector contract for every caller: a z-score bundle loaded from disk scores raw beats (in mV, as cut from the
/// recording) itself, and the library, <c>score</c>, <c>evaluate</c> and <c>record</c> agree on every score to the last digit.
/// </summary>
[Collection(SharedTorch.Name)]
public sealed class EntryPointAgreementTest
{
    private const double TrainedMinutes = 2;

    [Fact]
    public void Should_give_identical_scores_through_library_score_evaluate_and_record_When_the_bundle_normalises_beats()
    {
        // Given: the raw beats of record 100 after the bundle's two training minutes, with their reference AAMI classes
        var bundle = TestData.Fixture(Path.Combine("legacy-runs", "lstm8-record100"));
        var recordPath = RawEcg.Record("mitdb/100");
        var record = WfdbRecord.Open(recordPath);
        var from = (long)Math.Round(TrainedMinutes * 60 * record.SamplingFrequency);
        var beats = RecordBeats.Scan(record, 0, 140, BeatWindow.Rr, from).ToArray();
        var matched = ReferenceBeats.Load(record, 0)!.Between(from, long.MaxValue).Match(beats.Select(b => b.Sample).ToArray()).Matched;
        var labels = matched.Select(m => m?.Aami is { } a ? RecordTrainingSet.Label(a) : RecordTrainingSet.NormalLabel).ToArray();
        var raw = beats.SelectMany(b => b.Values).ToArray();
        using var folder = new TemporaryFolder();
        var tsv = folder.Write("beats.tsv", Ucr(labels, beats));

        // When
        using var detector = DetectorBundle.Load(bundle);
        var library = detector.Score(raw, 140);
        var scored = CliRunner.Run("score", "--model", bundle, "--input", tsv, "--output", folder.Combine("scores.csv"));
        var evaluated = CliRunner.Run("evaluate", "--model", bundle, "--input", tsv, "--out", folder.Combine("evaluation"));
        var recorded = CliRunner.Run("record", "--model", bundle, "--record", recordPath, "--out", folder.Combine("record"));

        // Then: the library normalised the raw beats itself (the bare model on z-scored copies gives the same numbers) ...
        Assert.True(StandardDeviation(beats[0].Values) is < 0.9 or > 1.1, "the beats handed to the detector are already normalised");
        var normalised = (float[])raw.Clone();
        EcgAnomaly.Data.BeatNormalisation.Apply(EcgAnomaly.Data.BeatNormalisation.ZScore, normalised, beats.Length, 140);
        using var bare = new ModelScorer(ComputeEngine.Auto, detector.Model, 512, detector.Device);
        Assert.Equal(library, bare.Score(normalised, 140));
        // ... and every entry point gives the same scores
        Assert.Equal(0, scored.ExitCode);
        Assert.Equal(library, Column(folder.Combine("scores.csv"), "score"));
        Assert.Equal(0, evaluated.ExitCode);
        var binary = labels.Select(l => l == RecordTrainingSet.NormalLabel ? 0 : 1).ToArray();
        using var evaluation = JsonDocument.Parse(File.ReadAllText(folder.Combine("evaluation", "evaluation.json")));
        Assert.Equal(RankingMetrics.RocAuc(library, binary), evaluation.RootElement.GetProperty("rocAuc").GetDouble());
        Assert.Equal(0, recorded.ExitCode);
        var recordScores = Column(folder.Combine("record", RecordScoring.BeatsFile), "score");
        Assert.Equal(library, recordScores);
    }

    private static string Ucr(int[] labels, ExtractedBeat[] beats)
    {
        var text = new StringBuilder();
        for (var i = 0; i < beats.Length; i++)
        {
            // Written as the exact double of each float, so reading (double, then narrowed) gives back the same float.
            text.Append(labels[i].ToString(CultureInfo.InvariantCulture));
            foreach (var v in beats[i].Values) text.Append('\t').Append(((double)v).ToString("R", CultureInfo.InvariantCulture));
            text.Append('\n');
        }
        return text.ToString();
    }

    private static double StandardDeviation(float[] values)
    {
        var mean = values.Average(v => (double)v);
        return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1));
    }

    private static double[] Column(string csv, string name)
    {
        var lines = File.ReadAllLines(csv);
        var index = Array.IndexOf(lines[0].Split(','), name);
        Assert.True(index >= 0, $"{csv} has no column {name}");
        return lines.Skip(1).Select(l => double.Parse(l.Split(',')[index], CultureInfo.InvariantCulture)).ToArray();
    }
}
