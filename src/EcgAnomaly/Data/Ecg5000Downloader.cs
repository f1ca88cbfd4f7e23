using System.IO.Compression;
using System.Security.Cryptography;

namespace EcgAnomaly.Data;

/// <summary>
/// Fetches the archive's ECG5000.zip, checks every member against the known sha256, and only then moves the files
/// into the cache. Any failure leaves the cache as it was.
/// </summary>
public static class Ecg5000Downloader
{
    /// <summary>ECG5000.zip on the UCR/UEA time series classification archive (<c>--url</c> replaces it).</summary>
    public static Uri DefaultSource { get; } = new("https://www.timeseriesclassification.com/aeon-toolkit/ECG5000.zip");

    /// <summary>Downloads into <c>{cacheFolder}/ECG5000</c> and returns that folder.</summary>
    /// <param name="source">The zip's address, usually <see cref="DefaultSource"/> or a mirror.</param>
    /// <param name="cacheFolder">The cache folder; the files land in its ECG5000 subfolder.</param>
    /// <param name="http">The client to download with (the caller owns it and its timeout).</param>
    /// <param name="progress">Receives (bytes received, total bytes when the server says).</param>
    /// <param name="cancellationToken">Cancels the download; the cache is left as it was.</param>
    /// <exception cref="DataFormatException">The download is not a zip, lacks a member, or a member's checksum differs.</exception>
    /// <exception cref="HttpRequestException">The server could not be reached or answered with an error.</exception>
    public static async Task<string> DownloadAsync(
        Uri source,
        string cacheFolder,
        HttpClient http,
        IProgress<(long Received, long? Total)>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(cacheFolder);
        ArgumentNullException.ThrowIfNull(http);
        Directory.CreateDirectory(cacheFolder);
        var target = Path.Combine(cacheFolder, Ecg5000Files.FolderName);
        var zipPath = Path.Combine(cacheFolder, $".ECG5000.{Guid.NewGuid():N}.zip.partial");
        var staging = Path.Combine(cacheFolder, $".ECG5000.{Guid.NewGuid():N}.partial");
        try
        {
            await FetchAsync(source, zipPath, http, progress, cancellationToken).ConfigureAwait(false);
            Directory.CreateDirectory(staging);
            ExtractAndVerify(source.ToString(), zipPath, staging);
            if (Directory.Exists(target)) Directory.Delete(target, recursive: true);
            Directory.Move(staging, target);
            return target;
        }
        finally
        {
            if (File.Exists(zipPath)) File.Delete(zipPath);
            if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        }
    }

    private static async Task FetchAsync(
        Uri source, string zipPath, HttpClient http, IProgress<(long, long?)>? progress, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(source, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
            throw new HttpRequestException($"{source}: server answered {(int)response.StatusCode} {response.ReasonPhrase}");
        var total = response.Content.Headers.ContentLength;
        await using var input = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using var output = File.Create(zipPath);
        var buffer = new byte[1 << 16];
        long received = 0;
        int read;
        while ((read = await input.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
            received += read;
            progress?.Report((received, total));
        }
    }

    private static void ExtractAndVerify(string source, string zipPath, string staging)
    {
        ZipArchive archive;
        try
        {
            archive = ZipFile.OpenRead(zipPath);
        }
        catch (InvalidDataException e)
        {
            throw DataFormatException.Malformed(source, null, $"download is not a valid zip archive ({e.Message})");
        }
        using (archive)
        {
            foreach (var member in Ecg5000Files.ArchiveMembers)
            {
                var entry = archive.Entries.FirstOrDefault(e => string.Equals(e.Name, member, StringComparison.OrdinalIgnoreCase))
                    ?? throw DataFormatException.Malformed(source, null, $"the archive has no {member}");
                var destination = Path.Combine(staging, member);
                try
                {
                    entry.ExtractToFile(destination);
                }
                catch (InvalidDataException e)
                {
                    throw DataFormatException.Malformed(source, null, $"{member} in the archive is corrupt ({e.Message})");
                }
                using var stream = File.OpenRead(destination);
                var actual = Convert.ToHexStringLower(SHA256.HashData(stream));
                var expected = Ecg5000Files.Sha256[member];
                if (actual != expected)
                    throw DataFormatException.Malformed(
                        source, null, $"{member} has sha256 {actual}, expected {expected}; nothing was saved");
            }
        }
    }
}
