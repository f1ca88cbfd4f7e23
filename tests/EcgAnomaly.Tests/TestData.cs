using EcgAnomaly.Data;

namespace EcgAnomaly.Tests;

/// <summary>
/// Where the shared data sets are: ECG_ANOMALY_DATA (set by .ci/run), else ../shared/data beside the repository.
/// A missing data set fails the test that needs it; it is never skipped.
/// </summary>
internal static class TestData
{
    private static readonly Lazy<Ecg5000> Cached = new(() => Ecg5000.Load(Ecg5000Folder));

    public static string RepositoryRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "EcgAnomaly.slnx"))) return dir.FullName;
            throw new InvalidOperationException("cannot find the repository root (EcgAnomaly.slnx) above " + AppContext.BaseDirectory);
        }
    }

    public static string DataRoot
    {
        get
        {
            var env = Environment.GetEnvironmentVariable(DataLocator.EnvironmentVariable);
            var root = string.IsNullOrWhiteSpace(env) ? Path.Combine(RepositoryRoot, "..", "shared", "data") : env;
            // A relative ECG_ANOMALY_DATA means relative to the repository (the test host runs in bin/).
            root = Path.GetFullPath(Path.IsPathRooted(root) ? root : Path.Combine(RepositoryRoot, root));
            if (!Directory.Exists(Path.Combine(root, Ecg5000Files.FolderName)))
                throw new InvalidOperationException(
                    $"The shared data set is missing: no {Ecg5000Files.FolderName}/ in {root}. "
                    + $"Set {DataLocator.EnvironmentVariable} to the folder holding it (CI: ../shared/data).");
            return root;
        }
    }

    public static string Ecg5000Folder => Path.Combine(DataRoot, Ecg5000Files.FolderName);

    public static Ecg5000 Ecg5000 => Cached.Value;

    public static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);
}
