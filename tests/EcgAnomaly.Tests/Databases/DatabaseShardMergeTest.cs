using EcgAnomaly.Tests.Cli;

namespace EcgAnomaly.Tests.Databases;

/// <summary>Three shards of a run, merged, give the report of the run itself; a merge that does not add up is refused.</summary>
// Per-patient runs train in this process and set Torch's process-wide thread count: one Torch test at a time.
[Collection(SharedTorch.Name)]
public sealed class DatabaseShardMergeTest
{
    // Four MIT-BIH records of different difficulty; whole records, since detection takes well under a second each.
    private const string Records = "100,101,105,203";

    private static string MitDb => Path.Combine(TestData.DataRoot, "raw-ecg", "mitdb");

    [Fact]
    public void Should_write_the_report_of_the_whole_run_When_merging_its_three_shards()
    {
        // Given
        using var dir = new TemporaryFolder();
        var whole = Evaluate(dir.Combine("whole"), "--records", Records, "--parallel", "2");
        var shards = ThreeShards(dir, "--records", Records, "--parallel", "1");

        // When
        var merged = dir.Combine("merged");
        var (mergeCode, mergeOutput, mergeError) = CliRunner.Run(["merge-shards", .. shards, "--out", merged]);

        // Then
        Assert.True(mergeCode == 0, mergeOutput + mergeError);
        Assert.Equal(File.ReadAllText(Path.Combine(whole, "report.json")), File.ReadAllText(Path.Combine(merged, "report.json")));
        Assert.Equal(File.ReadAllText(Path.Combine(whole, "records.csv")), File.ReadAllText(Path.Combine(merged, "records.csv")));
        foreach (var record in Records.Split(','))
        {
            var name = Path.Combine("records", record + ".json");
            Assert.Equal(File.ReadAllText(Path.Combine(whole, name)), File.ReadAllText(Path.Combine(merged, name)));
        }
        // Shard k holds the records at sorted positions k-1, k+2, ...: 1/3 has 100 and 203.
        Assert.Equal(["100.json", "203.json"], Directory.GetFiles(Path.Combine(shards[0], "records")).Select(Path.GetFileName).Order());
        Assert.True(new FileInfo(Path.Combine(merged, "qrs-per-record.png")).Length > 0);
        Assert.Contains("Merged from 3 folders", File.ReadAllText(Path.Combine(merged, "report.md")));
        Assert.Contains("4 of 4 records of mitdb evaluated", mergeOutput);
    }

    [Fact]
    public void Should_write_the_report_of_the_whole_run_When_merging_the_shards_of_a_per_patient_run()
    {
        // Given: 1 epoch on the first minute, and 102, paced, skipped: a skipped record must merge as one
        using var dir = new TemporaryFolder();
        string[] perPatient = ["--detector", "per-patient", "--epochs", "1", "--minutes", "1"];
        const string records = "100,102,119";
        var whole = Evaluate(dir.Combine("whole"), ["--records", records, .. perPatient, "--parallel", "2"]);
        var shards = ThreeShards(dir, ["--records", records, .. perPatient]);

        // When
        var merged = dir.Combine("merged");
        var (mergeCode, mergeOutput, mergeError) = CliRunner.Run(["merge-shards", .. shards, "--out", merged]);

        // Then: the same results, trained models and all, whether records train side by side or alone
        Assert.True(mergeCode == 0, mergeOutput + mergeError);
        Assert.Equal(File.ReadAllText(Path.Combine(whole, "report.json")), File.ReadAllText(Path.Combine(merged, "report.json")));
        Assert.Equal(File.ReadAllText(Path.Combine(whole, "records.csv")), File.ReadAllText(Path.Combine(merged, "records.csv")));
        Assert.Contains("\"svebCounts\"", File.ReadAllText(Path.Combine(merged, "records", "119.json")));
        Assert.Contains("## Per-patient VEB and SVEB detection", File.ReadAllText(Path.Combine(merged, "report.md")));
        Assert.Contains("2 of 3 records of mitdb evaluated", mergeOutput);
        Assert.Contains("record 102 skipped", mergeOutput);
        Assert.True(new FileInfo(Path.Combine(merged, "ectopic-per-record.png")).Length > 0);
    }

    [Fact]
    public void Should_refuse_to_merge_When_the_shards_were_trained_differently()
    {
        // Given: the same records, trained for 1 and for 2 epochs
        using var dir = new TemporaryFolder();
        var folders = Enumerable.Range(1, 2).Select(k =>
        {
            var folder = dir.Combine($"shard-{k}");
            var (code, output, error) = CliRunner.Run("evaluate-database", "--database", MitDb, "--records", "100,102",
                "--detector", "per-patient", "--epochs", $"{k}", "--minutes", "1", "--shard", $"{k}/2", "--out", folder);
            Assert.True(code == 0, output + error);
            return folder;
        }).ToArray();

        // When
        var (mergeCode, _, mergeError) = CliRunner.Run(["merge-shards", .. folders, "--out", dir.Combine("merged")]);

        // Then
        BadInputTest.AssertOneLineError(mergeCode, mergeError, "differs from that of");
    }

    [Fact]
    public void Should_merge_an_empty_shard_When_there_are_more_shards_than_records()
    {
        // Given: two records in three shards, so shard 3/3 has none
        using var dir = new TemporaryFolder();
        var shards = Enumerable.Range(1, 3).Select(k =>
        {
            var shard = dir.Combine($"shard-{k}");
            var (code, output, error) = CliRunner.Run(
                "evaluate-database", "--database", MitDb, "--records", "100,101", "--shard", $"{k}/3", "--out", shard);
            Assert.True(code == 0, output + error);
            return shard;
        }).ToArray();
        Assert.Empty(Directory.GetFiles(Path.Combine(shards[2], "records")));

        // When
        var (mergeCode, mergeOutput, mergeError) = CliRunner.Run(["merge-shards", .. shards, "--out", dir.Combine("merged")]);

        // Then
        Assert.True(mergeCode == 0, mergeOutput + mergeError);
        Assert.Contains("2 of 2 records of mitdb evaluated", mergeOutput);
    }

    [Fact]
    public void Should_exit_2_and_name_the_file_When_a_record_result_is_not_json()
    {
        // Given
        using var dir = new TemporaryFolder();
        var run = dir.Combine("run");
        var (code, output, error) = CliRunner.Run("evaluate-database", "--database", MitDb, "--records", "100", "--out", run);
        Assert.True(code == 0, output + error);
        File.WriteAllText(Path.Combine(run, "records", "100.json"), "{\"record\": \"100\", \"counts\": {\"matrix\": 3");

        // When
        var (mergeCode, _, mergeError) = CliRunner.Run("merge-shards", run, "--out", dir.Combine("merged"));

        // Then
        BadInputTest.AssertOneLineError(mergeCode, mergeError, "100.json");
        Assert.False(Directory.Exists(dir.Combine("merged")));
    }

    [Fact]
    public void Should_exit_2_and_name_the_missing_shard_When_a_shard_is_left_out_of_the_merge()
    {
        // Given
        using var dir = new TemporaryFolder();
        var shards = Enumerable.Range(1, 3).Where(k => k != 2).Select(k =>
        {
            var shard = dir.Combine($"shard-{k}");
            var (code, output, error) = CliRunner.Run(
                "evaluate-database", "--database", MitDb, "--records", "100,101,102", "--shard", $"{k}/3", "--out", shard);
            Assert.True(code == 0, output + error);
            return shard;
        }).ToArray();

        // When
        var merged = dir.Combine("merged");
        var (mergeCode, _, mergeError) = CliRunner.Run(["merge-shards", .. shards, "--out", merged]);

        // Then
        BadInputTest.AssertOneLineError(mergeCode, mergeError, "shard 2/3 is missing from the merge");
        Assert.False(Directory.Exists(merged));
    }

    /// <summary>Runs evaluate-database on MIT-BIH with <paramref name="options"/> into <paramref name="folder"/>; it must succeed.</summary>
    private static string Evaluate(string folder, params string[] options)
    {
        var (code, output, error) = CliRunner.Run(["evaluate-database", "--database", MitDb, .. options, "--out", folder]);
        Assert.True(code == 0, output + error);
        return folder;
    }

    /// <summary>Shards 1/3, 2/3 and 3/3 of the same run, each in its own folder.</summary>
    private static List<string> ThreeShards(TemporaryFolder dir, params string[] options) =>
        [.. Enumerable.Range(1, 3).Select(k => Evaluate(dir.Combine($"shard-{k}"), [.. options, "--shard", $"{k}/3"]))];
}
