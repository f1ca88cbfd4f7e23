namespace EcgAnomaly.IO;

/// <summary>
/// A path with every symbolic link along it resolved, as realpath(3) gives it, also for paths that do not exist yet
/// (their longest existing prefix is resolved and the rest appended), so two spellings of one file compare equal.
/// </summary>
internal static class RealPath
{
    /// <summary>More links than this in one path is a loop (Linux's own limit is 40).</summary>
    private const int MaxLinks = 40;

    /// <summary>File names compare as the file system does: case-sensitively on Linux.</summary>
    public static StringComparison Comparison { get; } =
        OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    public static string Of(string path)
    {
        var full = Path.GetFullPath(path);
        var links = 0;
        return Resolve(full, ref links);
    }

    private static string Resolve(string full, ref int links)
    {
        var root = Path.GetPathRoot(full)!;
        var current = root;
        var parts = full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < parts.Length; i++)
        {
            var next = Path.Combine(current, parts[i]);
            var info = new FileInfo(next);
            if (info.LinkTarget is { } target)
            {
                if (++links > MaxLinks) return Path.Combine([next, .. parts[(i + 1)..]]);
                // A relative target is relative to the folder holding the link.
                current = Resolve(Path.GetFullPath(target, current), ref links);
            }
            else
            {
                current = next;
            }
        }
        return current;
    }
}
