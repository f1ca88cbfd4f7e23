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
    /// <param name="timeout">
    /// Longest wait for the connection, the answer and each piece of the body (default 30 s): a server that accepts
    /// and never answers is a network failure, not a hang.
    /// </param>
    /// <param name="cancellationToken">Cancels the download; the cache is left as it was.</param>
    /// <exception cref="DataFormatException">The download is not a zip, lacks a member, or a member's checksum differs.</exception>
    /// <exception cref="HttpRequestException">The server could not be reached, answered with an error or fell silent.</exception>
    public static async Task<string> DownloadAsync(
        Uri source,
        string cacheFolder,
        HttpClient http,
        IProgress<(long Received, long? Total)>? progress = null,
        TimeSpan? timeout = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(cacheFolder);
        ArgumentNullException.ThrowIfNull(http);
        var wait = timeout ?? TimeSpan.FromSeconds(30);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(wait, TimeSpan.Zero, nameof(timeout));
        var created = IO.CreatedFolders.Create(cacheFolder);
        var target = Path.Combine(cacheFolder, Ecg5000Files.FolderName);
        var zipPath = IO.TemporaryName.In(cacheFolder, ".zip.partial");
        var staging = IO.TemporaryName.In(cacheFolder, ".partial");
        var done = false;
        try
        {
            await FetchAsync(source, zipPath, http, progress, wait, cancellationToken).ConfigureAwait(false);
            Directory.CreateDirectory(staging);
            ExtractAndVerify(source.ToString(), zipPath, staging);
            cancellationToken.ThrowIfCancellationRequested();
            if (Directory.Exists(target)) Directory.Delete(target, recursive: true);
            Directory.Move(staging, target);
            done = true;
            return target;
        }
        finally
        {
            if (File.Exists(zipPath)) File.Delete(zipPath);
            if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
            if (!done) created.RemoveIfEmpty();
        }
    }

    private static async Task FetchAsync(
        Uri source,
        string zipPath,
        HttpClient http,
        IProgress<(long, long?)>? progress,
        TimeSpan timeout,
        CancellationToken cancellationToken)
    {
        // One timer for every network wait, restarted before each: a slow but steady download is fine, silence is not.
        using var idle = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        try
        {
            idle.CancelAfter(timeout);
            using var response = await http.GetAsync(source, HttpCompletionOption.ResponseHeadersRead, idle.Token).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
                throw new HttpRequestException($"{source}: server answered {(int)response.StatusCode} {response.ReasonPhrase}");
            var total = response.Content.Headers.ContentLength;
            idle.CancelAfter(timeout);
            await using var input = await response.Content.ReadAsStreamAsync(idle.Token).ConfigureAwait(false);
            await using var output = File.Create(zipPath);
            var buffer = new byte[1 << 16];
            long received = 0;
            while (true)
            {
                idle.CancelAfter(timeout);
                var read = await input.ReadAsync(buffer, idle.Token).ConfigureAwait(false);
                if (read == 0) break;
                await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                received += read;
                progress?.Report((received, total));
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The idle timer (or the client's own timeout) fired, not the user: a network failure.
            throw new HttpRequestException(string.Create(
                System.Globalization.CultureInfo.InvariantCulture,
                $"{source}: no answer from the server within {timeout.TotalSeconds:0.#} s"));
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
