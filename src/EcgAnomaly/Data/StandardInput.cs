namespace EcgAnomaly.Data;

/// <summary>
/// Tells whether standard input was closed when the process started (<c>&lt;&amp;-</c>). Then file descriptor 0 is
/// free, the runtime's first pipe (its signal-handling pipe) takes it, and reading "standard input" waits forever on
/// a pipe whose only writer is this process. A real input pipe's writer is another process.
/// </summary>
internal static class StandardInput
{
    private const int AccessModeMask = 3;
    private const int WriteOnly = 1;

    public static bool WasClosed()
    {
        if (!OperatingSystem.IsLinux()) return false;
        try
        {
            var zero = new FileInfo("/proc/self/fd/0").LinkTarget;
            if (zero is null || !zero.StartsWith("pipe:", StringComparison.Ordinal)) return false;
            foreach (var fd in Directory.EnumerateFileSystemEntries("/proc/self/fd"))
            {
                var name = Path.GetFileName(fd);
                if (name == "0" || new FileInfo(fd).LinkTarget != zero) continue;
                if (IsWriteEnd(name)) return true;
            }
            return false;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false; // No /proc to look at: read as usual.
        }
    }

    /// <summary>Whether descriptor <paramref name="fd"/> was opened for writing (the "flags:" line of fdinfo, octal).</summary>
    private static bool IsWriteEnd(string fd)
    {
        foreach (var line in File.ReadLines($"/proc/self/fdinfo/{fd}"))
        {
            if (!line.StartsWith("flags:", StringComparison.Ordinal)) continue;
            var octal = line["flags:".Length..].Trim();
            var flags = 0L;
            foreach (var digit in octal) flags = flags * 8 + (digit - '0');
            return (flags & AccessModeMask) == WriteOnly;
        }
        return false;
    }
}
