namespace EcgAnomaly.Tests;

/// <summary>A fresh folder under the system temp folder, deleted with everything in it on dispose.</summary>
internal sealed class TemporaryFolder : IDisposable
{
    public TemporaryFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "ecg-anomaly-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    public string Write(string name, string content)
    {
        var file = Combine(name);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(file)!);
        File.WriteAllText(file, content);
        return file;
    }

    /// <summary>Every file and folder below, relative, sorted (hidden staging leftovers included).</summary>
    public string[] Entries() =>
        Directory.Exists(Path)
            ? Directory.EnumerateFileSystemEntries(Path, "*", SearchOption.AllDirectories)
                .Select(e => System.IO.Path.GetRelativePath(Path, e))
                .Order()
                .ToArray()
            : [];

    public void Dispose()
    {
        if (Directory.Exists(Path)) Directory.Delete(Path, recursive: true);
    }
}
