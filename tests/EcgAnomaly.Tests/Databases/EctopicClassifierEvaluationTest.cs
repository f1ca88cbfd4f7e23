using System.Text.Json;
using EcgAnomaly.Tests.Cli;

namespace EcgAnomaly.Tests.Databases;

/// <summary>
/// fit-ectopy learns from a per-patient run's labelled beats, and evaluate-database --ectopy labels each record with a
/// classifier that did not learn from it; a record every classifier saw fails instead of being scored unfairly.
/// </summary>
// Per-patient runs train in this process and set Torch's process-wide thread count: one Torch test at a time.
[Collection(SharedTorch.Name)]
public sealed class EctopicClassifierEvaluationTest
{
    private static string MitDb => Path.Combine(TestData.DataRoot, "raw-ecg", "mitdb");

    [Fact]
    public void Should_label_beats_V_S_or_N_with_a_classifier_that_did_not_see_the_record_When_given_classifier_files()
    {
        // Given: a short per-patient run of 119 and 208 (frequent V beats), and a classifier fitted on it
        using var dir = new TemporaryFolder();
        string[] quick = ["--detector", "per-patient", "--epochs", "1", "--minutes", "1", "--parallel", "2"];
        var learned = dir.Combine("learned");
        var (code, output, error) = CliRunner.Run(["evaluate-database", "--database", MitDb, "--records", "119,208", .. quick,
            "--out", learned]);
        Assert.True(code == 0, output + error);
        var classifier = dir.Combine("ectopy.json");
        var (fitCode, fitOutput, fitError) = CliRunner.Run("fit-ectopy", "--from", learned, "--out", classifier);
        Assert.True(fitCode == 0, fitOutput + fitError);

        // When: 100 (not learned from) and 119 (learned from) are evaluated with it
        var run = dir.Combine("run");
        var (runCode, runOutput, runError) = CliRunner.Run(["evaluate-database", "--database", MitDb, "--records", "100,119", .. quick,
            "--ectopy", classifier, "--out", run]);

        // Then
        using (var file = JsonDocument.Parse(File.ReadAllText(classifier)))
            Assert.Equal(["mitdb/119", "mitdb/208"], file.RootElement.GetProperty("trainedOn").EnumerateArray().Select(e => e.GetString()));
        Assert.True(runCode == 3, runOutput + runError);
        Assert.Contains("every ectopic classifier learned from record 119", string.Join(" ", runOutput.Split('\n').Select(l => l.Trim())));
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(run, "records", "100.json")));
        var root = json.RootElement;
        var beats = root.GetProperty("perPatient").GetProperty("beats").EnumerateArray().ToArray();
        Assert.All(beats, b => Assert.Matches("^[NSV]$", b.GetProperty("verdict").GetString()));
        // One labelling serves both statistics: beats called V are the v column, beats called S the s column
        var counts = root.GetProperty("counts").GetProperty("matrix");
        long Column(string column) => counts.EnumerateObject().Sum(r => r.Value.GetProperty(column).GetInt64());
        Assert.Equal(beats.Count(b => b.GetProperty("verdict").GetString() == "V"), Column("v"));
        Assert.Equal(beats.Count(b => b.GetProperty("verdict").GetString() == "S"), Column("s"));
        Assert.Contains("population classifier", File.ReadAllText(Path.Combine(run, "report.md")));
    }

    [Fact]
    public void Should_exit_2_naming_the_file_When_a_classifier_file_is_not_one()
    {
        using var dir = new TemporaryFolder();
        var bad = dir.Combine("bad.json");
        File.WriteAllText(bad, """{"trainedOn":[],"layout":"v0","vebWeights":[1],"sveb":2}""");

        var (code, _, error) = CliRunner.Run("evaluate-database", "--database", MitDb, "--records", "100", "--detector", "per-patient",
            "--ectopy", bad, "--out", dir.Combine("out"));

        BadInputTest.AssertOneLineError(code, error, "bad.json");
        Assert.False(Directory.Exists(dir.Combine("out")));
    }
}
