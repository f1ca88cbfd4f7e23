using EcgAnomaly.Tests.Cli;

namespace EcgAnomaly.Tests.Databases;

/// <summary>A record that cannot be read is a failed row of the report, the others are evaluated, and the exit code is 3.</summary>
public sealed class DatabaseFailureTest
{
    [Fact]
    public void Should_report_the_record_with_its_error_and_exit_3_When_a_signal_file_is_truncated()
    {
        // Given: MIT-BIH 100 whole, and 101 with its .dat cut to 1000 bytes
        using var dir = new TemporaryFolder();
        var database = dir.Combine("db");
        Directory.CreateDirectory(database);
        var mitdb = Path.Combine(TestData.DataRoot, "raw-ecg", "mitdb");
        foreach (var record in new[] { "100", "101" })
            foreach (var extension in new[] { ".hea", ".atr", ".dat" })
                File.Copy(Path.Combine(mitdb, record + extension), Path.Combine(database, record + extension));
        using (var dat = new FileStream(Path.Combine(database, "101.dat"), FileMode.Open)) dat.SetLength(1000);
        var out1 = dir.Combine("out");

        // When
        var (code, output, error) = CliRunner.Run("evaluate-database", "--database", database, "--out", out1);

        // Then
        Assert.True(code == 3, output + error);
        Assert.Contains("record 101 failed", output);
        var rows = File.ReadAllLines(Path.Combine(out1, "records.csv"));
        Assert.StartsWith("100,ok,,", rows[1]);
        Assert.StartsWith("101,failed,", rows[2]);
        Assert.Contains("101.dat", rows[2]);
        var markdown = File.ReadAllText(Path.Combine(out1, "report.md"));
        Assert.Contains("1 of 2 records evaluated; 1 failed.", markdown);
        Assert.Matches(@"\| 101 \| .*101\.dat.* \|", markdown);
        Assert.Contains("\"error\": \"", File.ReadAllText(Path.Combine(out1, "records", "101.json")));
    }

    [Fact]
    public void Should_exit_2_and_write_nothing_When_a_requested_record_is_not_in_the_database()
    {
        using var dir = new TemporaryFolder();
        var mitdb = Path.Combine(TestData.DataRoot, "raw-ecg", "mitdb");
        var (code, _, error) = CliRunner.Run("evaluate-database", "--database", mitdb, "--records", "100,999", "--out", dir.Combine("out"));
        BadInputTest.AssertOneLineError(code, error, "--records: no annotated record 999 in the database");
        Assert.Empty(dir.Entries());
    }
}
