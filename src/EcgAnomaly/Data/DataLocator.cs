namespace EcgAnomaly.Data;

/// <summary>
/// Finds the ECG5000 folder: an explicit <c>--data</c> folder, else <c>ECG_ANOMALY_DATA</c>, else the per-user
/// cache that <c>ecg-anomaly download</c> fills. Each candidate may be the ECG5000 folder itself or a folder holding it.
/// </summary>
public static class DataLocator
{
    /// <summary>The environment variable naming the data folder when no folder is given.</summary>
    public const string EnvironmentVariable = "ECG_ANOMALY_DATA";

    /// <summary>The per-user cache folder (XDG_CACHE_HOME or ~/.cache on Linux, LocalApplicationData elsewhere).</summary>
    public static string DefaultCacheFolder
    {
        get
        {
            var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
            if (OperatingSystem.IsLinux())
            {
                var root = string.IsNullOrEmpty(xdg)
                    ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache")
                    : xdg;
                return Path.Combine(root, "ecg-anomaly");
            }
            return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "ecg-anomaly");
        }
    }

    /// <summary>Returns the folder holding ECG5000_TRAIN.* and ECG5000_TEST.*.</summary>
    /// <exception cref="DataFormatException">No candidate holds the data; the message says what to do.</exception>
    public static string LocateEcg5000(string? dataOption, string? cacheFolder = null) =>
        LocateEcg5000(dataOption, Environment.GetEnvironmentVariable(EnvironmentVariable), cacheFolder ?? DefaultCacheFolder);

    internal static string LocateEcg5000(string? dataOption, string? environmentValue, string cacheFolder)
    {
        var tried = new List<string>();
        if (!string.IsNullOrWhiteSpace(dataOption))
        {
            // An explicit folder is a promise: do not silently fall back to another copy.
            return FindIn(dataOption, tried) ?? throw NotFound(tried, explicitFolder: true);
        }
        if (!string.IsNullOrWhiteSpace(environmentValue) && FindIn(environmentValue, tried) is { } fromEnv) return fromEnv;
        return FindIn(cacheFolder, tried) ?? throw NotFound(tried, explicitFolder: false);
    }

    private static string? FindIn(string folder, List<string> tried)
    {
        foreach (var candidate in new[] { Path.Combine(folder, Ecg5000Files.FolderName), folder })
        {
            var full = Path.GetFullPath(candidate);
            tried.Add(full);
            if (Ecg5000Files.Find(full, Ecg5000Files.TrainStem) is not null && Ecg5000Files.Find(full, Ecg5000Files.TestStem) is not null)
                return full;
        }
        return null;
    }

    private static DataFormatException NotFound(List<string> tried, bool explicitFolder)
    {
        var distinct = tried.Distinct().ToList();
        var also = distinct.Count > 1 ? $" (also looked in {string.Join(", ", distinct.Skip(1))})" : "";
        var advice = explicitFolder
            ? "the folder given must hold ECG5000/ECG5000_TRAIN.* and ECG5000_TEST.*"
            : "download it into the per-user cache ('ecg-anomaly download'), name its folder, "
                + $"or set {EnvironmentVariable} to a folder holding ECG5000/";
        return DataFormatException.Malformed(distinct[0], null, $"ECG5000 data set not found{also}; {advice}");
    }
}
