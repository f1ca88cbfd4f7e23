using System.Text;

namespace EcgAnomaly.IO;

/// <summary>
/// Writes a file under a temporary name beside it, then renames it into place, so that an interrupted run never
/// leaves a half-written file under the final name.
/// </summary>
public static class AtomicFile
{
    /// <param name="path">The final path.</param>
    /// <param name="write">Writes the complete content to the temporary path it is given (same extension as the final one).</param>
    public static void Write(string path, Action<string> write)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(write);
        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(folder);
        // Keep the extension: some writers (image encoders) choose the format from it.
        var temporary = Path.Combine(folder, $".{Path.GetFileNameWithoutExtension(full)}.{Guid.NewGuid():N}.tmp{Path.GetExtension(full)}");
        try
        {
            write(temporary);
            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }

    /// <summary>Writes <paramref name="text"/> as UTF-8 without a byte-order mark to <paramref name="path"/>, atomically.</summary>
    public static void WriteAllText(string path, string text) =>
        Write(path, temporary => File.WriteAllText(temporary, text, new UTF8Encoding(false)));

    /// <summary>Writes <paramref name="bytes"/> to <paramref name="path"/>, atomically.</summary>
    public static void WriteAllBytes(string path, byte[] bytes) =>
        Write(path, temporary => File.WriteAllBytes(temporary, bytes));
}
