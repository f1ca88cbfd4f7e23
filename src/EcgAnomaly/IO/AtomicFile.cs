using System.Text;

namespace EcgAnomaly.IO;

/// <summary>
/// Writes a file under a temporary name beside it, then renames it into place, so that an interrupted run never
/// leaves a half-written file under the final name, and a failed one leaves neither the file nor the folders it made.
/// </summary>
public static class AtomicFile
{
    /// <param name="path">The final path.</param>
    /// <param name="write">Writes the complete content to the temporary path it is given (same extension as the final one).</param>
    /// <param name="cancellationToken">Checked after the writing, before the rename: an interruption leaves no file.</param>
    /// <exception cref="OperationCanceledException">The run was interrupted; nothing was written.</exception>
    public static void Write(string path, Action<string> write, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(write);
        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full)!;
        var created = CreatedFolders.Create(folder);
        // Keep the extension: some writers (image encoders) choose the format from it. A short name whatever the final
        // one's length, so that a legal 255-byte name still has a legal temporary name.
        var temporary = TemporaryName.In(folder, ".tmp" + Path.GetExtension(full));
        var done = false;
        try
        {
            write(temporary);
            cancellationToken.ThrowIfCancellationRequested();
            File.Move(temporary, full, overwrite: true);
            done = true;
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
            if (!done) created.RemoveIfEmpty();
        }
    }

    /// <summary>Writes <paramref name="text"/> as UTF-8 without a byte-order mark to <paramref name="path"/>, atomically.</summary>
    public static void WriteAllText(string path, string text) =>
        Write(path, temporary => File.WriteAllText(temporary, text, new UTF8Encoding(false)));

    /// <summary>Writes <paramref name="bytes"/> to <paramref name="path"/>, atomically.</summary>
    public static void WriteAllBytes(string path, byte[] bytes) =>
        Write(path, temporary => File.WriteAllBytes(temporary, bytes));
}
