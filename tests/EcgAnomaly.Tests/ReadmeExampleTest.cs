using EcgAnomaly.Data;
using EcgAnomaly.Detection;
using EcgAnomaly.Evaluation;
using EcgAnomaly.Models;
using EcgAnomaly.Training;

namespace EcgAnomaly.Tests;

/// <summary>
/// The README's C# example is the method between the README markers below: this test compiles it (as part of this
/// project), runs it, and checks that the README still shows exactly that code.
/// </summary>
[Collection(TorchCollection.Name)]
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

    [Fact]
    public void Should_train_and_rank_abnormal_beats_above_chance_When_the_readme_example_runs_one_epoch()
    {
        var auc = TrainAndEvaluate(TestData.DataRoot, epochs: 1);
        Assert.InRange(auc, 0.6, 1.0);
    }

    [Fact]
    public void Should_show_this_exact_code_When_reading_the_readme()
    {
        var source = File.ReadAllText(Path.Combine(TestData.RepositoryRoot, "tests", "EcgAnomaly.Tests", "ReadmeExampleTest.cs"));
        var begin = source.IndexOf("// README:begin", StringComparison.Ordinal) + "// README:begin".Length;
        var end = source.IndexOf("    // README:end", StringComparison.Ordinal);
        var readme = File.ReadAllText(Path.Combine(TestData.RepositoryRoot, "README.md"));
        var block = readme[(readme.IndexOf("```csharp", StringComparison.Ordinal) + "```csharp".Length)..];
        block = block[..block.IndexOf("```", StringComparison.Ordinal)];

        Assert.Equal(Normalise(Unindent(source[begin..end])), Normalise(block));
    }

    private static string Unindent(string code) =>
        string.Join("\n", code.Split('\n').Select(l => l.StartsWith("    ", StringComparison.Ordinal) ? l[4..] : l));

    private static string Normalise(string code) =>
        string.Join("\n", code.Replace("\r", "").Split('\n').Select(l => l.TrimEnd()).Where(l => l.Length > 0));
}
