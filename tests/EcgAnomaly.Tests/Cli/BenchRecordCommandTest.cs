namespace EcgAnomaly.Tests.Cli;

/// <summary>The long-recording benchmark on a few minutes (the 24-hour figure is a CLI run, in the README).</summary>
[Collection(SharedTorch.Name)]
public sealed class BenchRecordCommandTest
{
    [Fact]
    public void Should_time_every_stage_and_count_the_beats_of_the_repeated_record_When_run_on_a_short_recording()
    {
        using var dir = new TemporaryFolder();
        var json = dir.Combine("bench.json");

        var (code, output, error) = CliRunner.Run(
            "bench-record", "--hours", "0.05", "--data", TestData.DataRoot, "--work", dir.Combine("work"), "--json", json);

        Assert.True(code == 0, output + error);
        Assert.Contains("min per 24 h", output);
        using var doc = System.Text.Json.JsonDocument.Parse(File.ReadAllText(json));
        var root = doc.RootElement;
        Assert.Equal(64_800, root.GetProperty("samplesPerLead").GetInt64()); // 3 minutes at 360 Hz
        // Record 100 has 2,273 beats in 30:05.6, so 3 minutes hold about 226 (the detector found them all, see QrsDetectorTest).
        Assert.InRange(root.GetProperty("beats").GetInt32(), 215, 232);
        Assert.True(root.GetProperty("fullPipelineSeconds").GetDouble() > 0);
    }
}
