namespace EcgAnomaly.IO;

/// <summary>
/// Checks made before any work, so that a command never writes over what it reads and never fails only at the end:
/// an output must not be, hold or lie inside an input (compared by real path, links resolved), and an output file
/// must be writable as a file.
/// </summary>
public static class OutputPaths
{
    /// <summary>Refuses an output (file or folder) that is one of <paramref name="inputs"/>, lies inside one or holds one.</summary>
    /// <param name="output">The output path as the user gave it.</param>
    /// <param name="inputs">Every file or folder the command reads (null entries are skipped).</param>
    /// <exception cref="OutputPathException">The output and an input overlap.</exception>
    public static void EnsureApart(string output, params IEnumerable<string?> inputs)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(inputs);
        var real = RealPath.Of(output);
        foreach (var input in inputs)
        {
            if (input is null || input == "-") continue;
            var realInput = RealPath.Of(input);
            var relation = string.Equals(real, realInput, RealPath.Comparison) ? "is"
                : IsInside(real, realInput) ? "lies inside"
                : IsInside(realInput, real) ? "holds"
                : null;
            if (relation is not null)
                throw new OutputPathException($"{output}: the output {relation} the input {input}; choose another output");
        }
    }

    /// <summary>
    /// Checks that <paramref name="output"/> can be written as a file: not a folder, under a folder (not a file), in a
    /// folder this process may write to. Folders that do not exist yet are fine (they are created when written).
    /// </summary>
    /// <exception cref="OutputPathException">The path cannot become a file.</exception>
    public static void EnsureWritableFile(string output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var full = Path.GetFullPath(output);
        if (Directory.Exists(full)) throw new OutputPathException($"{output}: output file is an existing folder; give a file name");
        EnsureCanCreate(output, full);
    }

    /// <summary>
    /// Checks that something can be created at <paramref name="full"/>: no file stands where a folder above it must be,
    /// and this process may write in the nearest folder above it that exists.
    /// </summary>
    /// <exception cref="OutputPathException">The path cannot be created.</exception>
    internal static void EnsureCanCreate(string output, string full)
    {
        var ancestor = Path.GetDirectoryName(full);
        while (ancestor is not null && !Directory.Exists(ancestor))
        {
            if (File.Exists(ancestor)) throw new OutputPathException($"{output}: {ancestor} is a file, not a folder");
            ancestor = Path.GetDirectoryName(ancestor);
        }
        if (ancestor is null) return;
        try
        {
            // The only portable test of write permission is to write; the probe goes away when closed.
            using var probe = new FileStream(
                Path.Combine(ancestor, $".~{Guid.NewGuid().ToString("N")[..8]}.probe"),
                FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose);
        }
        catch (UnauthorizedAccessException)
        {
            throw new OutputPathException($"{output}: cannot write in {ancestor} (permission denied)");
        }
    }

    private static bool IsInside(string path, string folder) =>
        path.Length > folder.Length
        && path.StartsWith(folder, RealPath.Comparison)
        && (folder.EndsWith(Path.DirectorySeparatorChar) || path[folder.Length] == Path.DirectorySeparatorChar);
}
