namespace EcgAnomaly.IO;

/// <summary>
/// Short hidden names for staging folders and temporary files, ".~1a2b3c4d.partial": 18 characters whatever the
/// final name's length, so that any legal final name (up to 255 bytes) can be staged beside it; 32 random bits make a
/// clash between two runs in one folder negligible, and the caller retries on the rare one.
/// </summary>
internal static class TemporaryName
{
    /// <summary>What every temporary name starts with.</summary>
    public const string Prefix = ".~";

    /// <summary>A fresh name in <paramref name="folder"/> that nothing there uses yet, ending with <paramref name="suffix"/>.</summary>
    public static string In(string folder, string suffix)
    {
        while (true)
        {
            var path = Path.Combine(folder, $"{Prefix}{Guid.NewGuid().ToString("N")[..8]}{suffix}");
            if (!Path.Exists(path)) return path;
        }
    }
}
