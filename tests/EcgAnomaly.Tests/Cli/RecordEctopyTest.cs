using System.Globalization;
using System.Text.Json;
using EcgAnomaly.Tests.Signals;

namespace EcgAnomaly.Tests.Cli;

/// <summary>
/// record --ectopy: the shipped DS2 classifier labels a DS1 record's beats (a patient it never learned from) V, S or N;
/// the reference annotations of MIT-BIH 119 (bigeminy, 444 V beats) are what the labels are checked against.
/// </summary>
[Collection(SharedTorch.Name)]
public sealed class RecordEctopyTest
{
    private static string Classifier(string fold) =>
        Path.Combine(TestData.RepositoryRoot, "docs", "results", "mitdb-per-patient", $"ectopy-{fold}.json");

    [Fact]
    public void Should_label_most_reference_V_beats_V_and_few_N_beats_V_When_scoring_a_patient_the_classifier_never_saw()
    {
        // Given: a model trained on 119's first 5 minutes (3 epochs: the QRS shape and rhythm carry most of the weight)
        using var dir = new TemporaryFolder();
        var record = RawEcg.Record("mitdb/119");
        var run = dir.Combine("run");
        var (trainCode, trainOutput, trainError) = CliRunner.Run("train", "--record", record, "--epochs", "3", "--out", run);
        Assert.True(trainCode == 0, trainOutput + trainError);

        // When
        var scored = dir.Combine("scored");
        var (code, output, error) = CliRunner.Run("record", "--model", run, "--record", record, "--ectopy", Classifier("ds2"),
            "--out", scored);

        // Then
        Assert.True(code == 0, output + error);
        using (var file = JsonDocument.Parse(File.ReadAllText(Classifier("ds2"))))
            Assert.DoesNotContain("mitdb/119", file.RootElement.GetProperty("trainedOn").EnumerateArray().Select(e => e.GetString()));
        var rows = File.ReadAllLines(Path.Combine(scored, "beats.csv"));
        Assert.EndsWith(",score,abnormal,p_v,p_s,class", rows[0]);
        var cells = rows.Skip(1).Select(r => r.Split(',')).ToArray();
        var aamiColumn = Array.IndexOf(rows[0].Split(','), "aami");
        // The class follows from the probabilities and the classifier's thresholds
        using (var file = JsonDocument.Parse(File.ReadAllText(Classifier("ds2"))))
        {
            var vThreshold = file.RootElement.GetProperty("vebThreshold").GetDouble();
            Assert.All(cells, c => Assert.Equal(double.Parse(c[^3], CultureInfo.InvariantCulture) >= vThreshold, c[^1] == "V"));
        }
        double Share(string aami, string verdict) =>
            cells.Count(c => c[aamiColumn] == aami && c[^1] == verdict) / (double)Math.Max(1, cells.Count(c => c[aamiColumn] == aami));
        var vAsV = Share("V", "V");
        var nAsV = Share("N", "V");
        Assert.True(vAsV > 0.9, string.Create(CultureInfo.InvariantCulture, $"{vAsV:P1} of reference V beats labelled V"));
        Assert.True(nAsV < 0.05, string.Create(CultureInfo.InvariantCulture, $"{nAsV:P1} of reference N beats labelled V"));
        Assert.Contains("classes given by the population classifier", File.ReadAllText(Path.Combine(scored, "summary.md")));
    }

    [Fact]
    public void Should_exit_2_naming_model_json_When_the_model_was_not_trained_on_the_record()
    {
        // Given: a model trained on record 100, asked to classify record 119's beats
        using var dir = new TemporaryFolder();
        var run = dir.Combine("run");
        var (trainCode, trainOutput, trainError) = CliRunner.Run(
            "train", "--record", RawEcg.Record("mitdb/100"), "--epochs", "1", "--out", run);
        Assert.True(trainCode == 0, trainOutput + trainError);

        // When
        var (code, _, error) = CliRunner.Run("record", "--model", run, "--record", RawEcg.Record("mitdb/119"), "--ectopy",
            Classifier("ds1"), "--out", dir.Combine("scored"));

        // Then
        BadInputTest.AssertOneLineError(code, error, "needs a model trained on record 119");
        Assert.False(Directory.Exists(dir.Combine("scored")));
    }

    [Fact]
    public void Should_label_beats_with_the_built_in_classifier_by_default_and_say_it_saw_the_record_When_the_model_learned_it()
    {
        // Given: a model trained on 119's first 5 minutes; 119 is one of the 44 MIT-BIH records the built-in classifier saw
        using var dir = new TemporaryFolder();
        var record = RawEcg.Record("mitdb/119");
        var run = dir.Combine("run");
        var (trainCode, trainOutput, trainError) = CliRunner.Run("train", "--record", record, "--epochs", "1", "--out", run);
        Assert.True(trainCode == 0, trainOutput + trainError);

        // When: record without --ectopy, and with --ectopy none
        var (code, output, error) = CliRunner.Run("record", "--model", run, "--record", record, "--out", dir.Combine("default"));
        var (offCode, offOutput, offError) = CliRunner.Run("record", "--model", run, "--record", record, "--ectopy", "none",
            "--out", dir.Combine("off"));

        // Then: the shipped classifier is the documented fit-ectopy file of the 44 records, byte for byte
        Assert.True(code == 0, output + error);
        Assert.True(offCode == 0, offOutput + offError);
        using (var stream = typeof(EcgAnomaly.Ectopy.EctopicClassifier).Assembly
            .GetManifestResourceStream("EcgAnomaly.Ectopy.mitdb-classifier.json")!)
        using (var reader = new StreamReader(stream))
            Assert.Equal(File.ReadAllText(Classifier("all")), reader.ReadToEnd());
        Assert.EndsWith(",score,abnormal,p_v,p_s,class", File.ReadLines(Path.Combine(dir.Combine("default"), "beats.csv")).First());
        var summary = File.ReadAllText(Path.Combine(dir.Combine("default"), "summary.md"));
        Assert.Contains("population classifier `built-in`", summary);
        Assert.Contains("learned from the labelled beats of 44 records, this one among them", summary);
        Assert.EndsWith(",score,abnormal", File.ReadLines(Path.Combine(dir.Combine("off"), "beats.csv")).First());
    }
}
