namespace EcgAnomaly.Benchmarking;

/// <summary>What a timing needs beside it to be read later: the processor and how many cores there were.</summary>
public static class MachineInfo
{
    /// <summary>The CPU's model name from /proc/cpuinfo (what <c>lscpu</c> prints as "Model name"), else "unknown".</summary>
    public static string CpuModel()
    {
        const string file = "/proc/cpuinfo";
        if (!File.Exists(file)) return "unknown";
        foreach (var line in File.ReadLines(file))
        {
            if (!line.StartsWith("model name", StringComparison.Ordinal)) continue;
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon >= 0) return line[(colon + 1)..].Trim();
        }
        return "unknown";
    }
}
