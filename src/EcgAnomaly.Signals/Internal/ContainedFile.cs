namespace EcgAnomaly.Signals.Internal;

/// <summary>
/// A file named inside an input (a WFDB header's signal file, model.json's weights) must be a regular file in that
/// input's folder: a hostile input must not make the tool read /etc/passwd, escape with "../", follow a symbolic link
/// out of the folder, or block forever on a FIFO. Both packages resolve such names here, before opening anything.
/// </summary>
internal static class ContainedFile
{
    private const int MaxLinkDepth = 40;

    /// <summary>The full path of <paramref name="name"/> inside <paramref name="folder"/>, checked.</summary>
    /// <param name="folder">The folder of the input that names the file.</param>
    /// <param name="name">The name as the input gives it.</param>
    /// <param name="namedIn">The input that names it (for the message).</param>
    /// <param name="line">The 1-based line of <paramref name="namedIn"/> that names it, when known.</param>
    /// <param name="what">What the file is, e.g. "the signal file" (for the message).</param>
    /// <returns>The path to open; it may not exist (the caller reports a missing file as it always did).</returns>
    /// <exception cref="DataFormatException">The name is empty, absolute, escapes the folder, or is not a regular file.</exception>
    public static string Resolve(string folder, string? name, string namedIn, int? line, string what)
    {
        if (string.IsNullOrWhiteSpace(name)) throw DataFormatException.Malformed(namedIn, line, $"{what} has no name");
        if (name.Contains('\0')) throw DataFormatException.Malformed(namedIn, line, $"{what} name contains a NUL character");
        var rule = $"a file named in {Path.GetFileName(namedIn)} must be in its folder";
        if (Path.IsPathRooted(name)) throw DataFormatException.Malformed(namedIn, line, $"{what} '{name}' is an absolute path; {rule}");
        var folderPath = Path.GetFullPath(string.IsNullOrEmpty(folder) ? "." : folder);
        var path = Path.GetFullPath(Path.Combine(folderPath, name));
        if (!IsInside(path, folderPath))
            throw DataFormatException.Malformed(
                namedIn, line, $"{what} '{name}' is outside the folder of {Path.GetFileName(namedIn)}; {rule}");
        // Symbolic links (the file's or a folder's on the way) may point out: compare where they really lead.
        if (!IsInside(RealPath(path, 0), RealPath(folderPath, 0)))
            throw DataFormatException.Malformed(
                namedIn, line, $"{what} '{name}' is a symbolic link to a file outside the folder of {Path.GetFileName(namedIn)}; {rule}");
        if (FileKind.NotRegular(path) is { } kind)
            throw DataFormatException.Malformed(namedIn, line, $"{what} '{name}' is {kind}, not a regular file");
        return path;
    }

    private static bool IsInside(string path, string folder)
    {
        var prefix = Path.EndsInDirectorySeparator(folder) ? folder : folder + Path.DirectorySeparatorChar;
        return path.StartsWith(prefix, OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
    }

    /// <summary>The path with every symbolic link on it resolved (what realpath(3) gives); missing parts are kept as named.</summary>
    private static string RealPath(string fullPath, int depth)
    {
        if (depth > MaxLinkDepth) throw new IOException($"too many levels of symbolic links at {fullPath}");
        var root = Path.GetPathRoot(fullPath) ?? "";
        var current = root;
        foreach (var part in fullPath[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            var next = Path.Combine(current, part);
            var info = new FileInfo(next);
            if (info.LinkTarget is { } target)
                next = RealPath(Path.GetFullPath(Path.Combine(current, target)), depth + 1);
            current = next;
        }
        return current;
    }
}
