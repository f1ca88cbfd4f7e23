using System.IO.Compression;
using EcgAnomaly.Data;

namespace EcgAnomaly.Tests.Cli;

/// <summary>
/// `download` against a zip served from 127.0.0.1. The good zip is built from the shared data set's .txt/.arff/.ts
/// files, which are the official archive's members (shared/data/ECG5000/SOURCE.md).
/// </summary>
public sealed class DownloadCommandTest
{
    [Fact]
    public void Should_unpack_the_six_verified_files_into_the_cache_When_the_zip_is_good()
    {
        // Given
        using var server = new LocalZipServer(ArchiveZip());
        using var cache = new TemporaryFolder();

        // When
        var (code, output, error) = CliRunner.Run("download", "--url", server.Url, "--cache", cache.Path);

        // Then
        Assert.True(code == 0, error);
        Assert.Contains("sha256 verified", output);
        Assert.Equal(["ECG5000", .. Ecg5000Files.ArchiveMembers.Select(m => Path.Combine("ECG5000", m)).Order()], cache.Entries());
        Assert.Equal(Path.Combine(cache.Path, "ECG5000"), DataLocator.LocateEcg5000(cache.Path));

        // And a second call finds the verified copy instead of downloading again
        var (again, secondOutput, _) = CliRunner.Run("download", "--url", server.Url, "--cache", cache.Path);
        Assert.Equal(0, again);
        Assert.Contains("already", secondOutput);
    }

    [Fact]
    public void Should_exit_2_and_leave_nothing_When_the_zip_is_corrupt()
    {
        var zip = ArchiveZip();
        var truncated = zip[..(zip.Length / 2)];
        using var server = new LocalZipServer(truncated);
        using var cache = new TemporaryFolder();

        var (code, _, error) = CliRunner.Run("download", "--url", server.Url, "--cache", cache.Path);

        BadInputTest.AssertOneLineError(code, error, "not a valid zip archive");
        Assert.Empty(cache.Entries());
    }

    [Fact]
    public void Should_exit_2_and_leave_nothing_When_a_member_has_the_wrong_checksum()
    {
        using var server = new LocalZipServer(ArchiveZip(tamper: "ECG5000_TEST.ts"));
        using var cache = new TemporaryFolder();

        var (code, _, error) = CliRunner.Run("download", "--url", server.Url, "--cache", cache.Path);

        BadInputTest.AssertOneLineError(code, error, "ECG5000_TEST.ts has sha256");
        Assert.Empty(cache.Entries());
    }

    [Fact]
    public void Should_exit_1_with_one_line_When_the_server_answers_404()
    {
        using var server = new LocalZipServer([]);
        using var cache = new TemporaryFolder();

        var (code, _, error) = CliRunner.Run("download", "--url", server.Url.Replace("ECG5000.zip", "missing.zip"), "--cache", cache.Path);

        Assert.Equal(1, code);
        Assert.Contains("404", error);
        Assert.Empty(cache.Entries());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Should_exit_1_with_one_line_and_leave_nothing_When_the_server_falls_silent(bool afterTheHeaders)
    {
        // Given: a loopback server that accepts and then says nothing (at all, or after the first bytes)
        using var server = new StallingServer(afterTheHeaders);
        using var dir = new TemporaryFolder();

        // When
        var (code, _, error) = CliRunner.Run("download", "--url", server.Url, "--cache", dir.Combine("cache"), "--timeout", "1");

        // Then
        Assert.True(code == 1, $"exit code {code}; stderr: {error}");
        Assert.Contains("no answer from the server within 1 s", error);
        Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Empty(dir.Entries());
    }

    private static byte[] ArchiveZip(string? tamper = null)
    {
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var member in Ecg5000Files.ArchiveMembers)
            {
                var bytes = File.ReadAllBytes(Path.Combine(TestData.Ecg5000Folder, member));
                if (member == tamper) bytes[^3] ^= 0x01;
                using var entry = zip.CreateEntry(member, CompressionLevel.Fastest).Open();
                entry.Write(bytes);
            }
            zip.CreateEntry("ECG5000.txt").Open().Dispose();
        }
        return memory.ToArray();
    }
}
