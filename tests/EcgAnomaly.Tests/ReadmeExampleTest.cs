using System.Globalization;
using EcgAnomaly.Data;
using EcgAnomaly.Detection;
using EcgAnomaly.Evaluation;
using EcgAnomaly.Models;
using EcgAnomaly.Recordings;
using EcgAnomaly.Signals;
using EcgAnomaly.Training;

namespace EcgAnomaly.Tests;

/// <summary>
/// The README's C# examples are the methods between the README markers below: this test compiles them (as part of this
/// project), runs them, and checks that the README still shows exactly that code, in that order.
/// </summary>
[Collection(SharedTorch.Name)]
public sealed class ReadmeExampleTest
{
    // README:begin
    public static double TrainAndEvaluate(string dataFolder, int epochs)
    {
        var data = Ecg5000.Load(DataLocator.LocateEcg5000(dataFolder));
        var split = DataSplit.FromEcg5000(data, EvaluationProtocol.Seed, seed: 777);

        using var fitted = AutoencoderDetector.Fit(split.Train, split.Validation, ModelSpec.Lstm(32),
            new TrainingOptions { Epochs = epochs, Seed = 777 });
        var detector = fitted.Detector;

        double[] scores = detector.Score(split.Test);   // higher = more abnormal
        bool[] flagged = detector.Predict(split.Test);  // score > detector.Threshold
        double auc = RankingMetrics.RocAuc(scores, split.TestBinaryLabels());
        Console.WriteLine($"threshold {detector.Threshold:0.0}, flagged {flagged.Count(f => f)} of {flagged.Length}, ROC AUC {auc:0.0000}");
        return auc;
    }
    // README:end

    // README:begin
    public static double[] ScoreRecording(string runFolder, string recordPath)
    {
        // model.json says how beats are prepared (here z-score), the threshold and how it was chosen
        using var detector = DetectorBundle.Load(runFolder);
        var record = WfdbRecord.Open(recordPath);
        var length = detector.Spec.BeatLength;
        float[] beats = RecordBeats.Scan(record, lead: 0, length, BeatWindow.Rr).SelectMany(b => b.Values).ToArray();

        double[] scores = detector.Score(beats, length);  // raw beats in mV: the detector normalises them itself
        using var stricter = detector.WithThresholdPolicy(ThresholdPolicy.Parse("fpr:0.001"));
        Console.WriteLine($"{scores.Count(s => s > detector.Threshold)} beats flagged at {detector.ThresholdPolicy}, "
            + $"{scores.Count(s => s > stricter.Threshold)} at {stricter.ThresholdPolicy}");
        return scores;
    }
    // README:end

    [Fact]
    public void Should_train_and_rank_abnormal_beats_above_chance_When_the_readme_example_runs_one_epoch()
    {
        var auc = TrainAndEvaluate(TestData.DataRoot, epochs: 1);
        Assert.InRange(auc, 0.6, 1.0);
    }

    [Fact]
    public void Should_score_raw_recording_beats_as_the_old_build_did_When_the_readme_example_loads_a_z_score_bundle()
    {
        // Given: a bundle trained on record 100's first 2 minutes by the build before the detector normalised beats, and
        // that build's scores of the first 300 beats after minute 2 (its scanner z-scored beats; Fixtures/legacy-runs)
        var bundle = TestData.Fixture(Path.Combine("legacy-runs", "lstm8-record100"));
        var head = File.ReadAllLines(Path.Combine(bundle, "record-100-beats-head.csv")).Skip(1).Select(l => l.Split(',')).ToArray();
        var recordPath = Path.Combine(TestData.DataRoot, "raw-ecg", "mitdb", "100");
        var samples = RecordBeats.Scan(WfdbRecord.Open(recordPath), 0, 140, BeatWindow.Rr).Select(b => b.Sample).ToList();

        // When
        var scores = ScoreRecording(bundle, recordPath);

        // Then
        Assert.Equal(samples.Count, scores.Length);
        foreach (var row in head)
        {
            var index = samples.IndexOf(long.Parse(row[2], CultureInfo.InvariantCulture));
            Assert.True(index >= 0, $"no beat at sample {row[2]}");
            var expected = double.Parse(row[6], CultureInfo.InvariantCulture);
            Assert.True(Math.Abs(scores[index] - expected) <= 1e-5 * expected, $"sample {row[2]}: {scores[index]} vs {expected}");
        }
    }

    [Fact]
    public void Should_show_this_exact_code_When_reading_the_readme()
    {
        var source = File.ReadAllText(Path.Combine(TestData.RepositoryRoot, "tests", "EcgAnomaly.Tests", "ReadmeExampleTest.cs"));
        var readme = File.ReadAllText(Path.Combine(TestData.RepositoryRoot, "README.md"));
        var examples = Between(source, "\n    // README:begin", "\n    // README:end");
        var blocks = Between(readme, "```csharp", "```");

        Assert.Equal(2, examples.Count);
        Assert.Equal(examples.Count, blocks.Count);
        for (var i = 0; i < examples.Count; i++) Assert.Equal(Normalise(Unindent(examples[i])), Normalise(blocks[i]));
    }

    private static List<string> Between(string text, string begin, string end)
    {
        var found = new List<string>();
        for (var at = text.IndexOf(begin, StringComparison.Ordinal); at >= 0; at = text.IndexOf(begin, at, StringComparison.Ordinal))
        {
            at += begin.Length;
            var stop = text.IndexOf(end, at, StringComparison.Ordinal);
            found.Add(text[at..stop]);
            at = stop + end.Length;
        }
        return found;
    }

    private static string Unindent(string code) =>
        string.Join("\n", code.Split('\n').Select(l => l.StartsWith("    ", StringComparison.Ordinal) ? l[4..] : l));

    private static string Normalise(string code) =>
        string.Join("\n", code.Replace("\r", "").Split('\n').Select(l => l.TrimEnd()).Where(l => l.Length > 0));
}
