using System.Diagnostics;

namespace EcgAnomaly.Benchmarking;

/// <summary>
/// The process's peak working set (resident memory high-water mark; most of it is libtorch's native memory, which
/// the .NET allocation counters never see).
/// </summary>
public static class PeakMemory
{
    /// <summary>
    /// Starts a new high-water mark at the current working set, so that the next reading covers only what ran in
    /// between. Linux only (writing 5 to /proc/self/clear_refs); false where it cannot, and readings then cover the
    /// whole process so far.
    /// </summary>
    public static bool TryReset()
    {
        if (!OperatingSystem.IsLinux()) return false;
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>The process's peak working set in bytes since it started or since the last successful <see cref="TryReset"/>.</summary>
    public static long PeakWorkingSetBytes()
    {
        // A new Process object each time: one that is kept caches its first reading.
        using var self = Process.GetCurrentProcess();
        return self.PeakWorkingSet64;
    }
}
