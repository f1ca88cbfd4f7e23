namespace EcgAnomaly.IO;

/// <summary>
/// A hidden sibling folder where a run's files are written; <see cref="Commit"/> renames it to the final name.
/// Disposing an uncommitted staging folder deletes it, so a failed or interrupted run leaves nothing that looks finished.
/// </summary>
public sealed class StagingFolder : IDisposable
{
    private bool _committed;

    private StagingFolder(string target, string path)
    {
        Target = target;
        Path = path;
    }

    /// <summary>Where the files go once committed.</summary>
    public string Target { get; }

    /// <summary>Where to write them now.</summary>
    public string Path { get; }

    /// <summary>Refuses a target that exists and is not empty; never overwrites.</summary>
    /// <exception cref="OutputFolderException">The target exists and is not empty.</exception>
    public static StagingFolder Create(string target)
    {
        var full = System.IO.Path.GetFullPath(target);
        EnsureUsable(full);
        var parent = System.IO.Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(parent);
        var staging = System.IO.Path.Combine(parent, $".{System.IO.Path.GetFileName(full)}.{Guid.NewGuid():N}.partial");
        Directory.CreateDirectory(staging);
        return new StagingFolder(full, staging);
    }

    /// <summary>Checks that <paramref name="target"/> can become an output folder: absent, or an empty folder.</summary>
    /// <exception cref="OutputFolderException">The target is a file, or a folder that is not empty.</exception>
    public static void EnsureUsable(string target)
    {
        if (File.Exists(target)) throw new OutputFolderException($"{target}: output folder exists as a file; choose another output folder");
        if (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any())
            throw new OutputFolderException(
                $"{target}: output folder exists and is not empty; refusing to overwrite it (choose another output folder)");
    }

    /// <summary>Where to write the file <paramref name="name"/> now (inside the staging folder).</summary>
    public string PathOf(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>Renames the staging folder to <see cref="Target"/>, checking once more that the target is still usable.</summary>
    /// <exception cref="OutputFolderException">Something else created the target meanwhile.</exception>
    public void Commit()
    {
        EnsureUsable(Target);
        if (Directory.Exists(Target)) Directory.Delete(Target);
        Directory.Move(Path, Target);
        _committed = true;
    }

    /// <summary>Deletes the staging folder and everything in it unless it was committed.</summary>
    public void Dispose()
    {
        if (!_committed && Directory.Exists(Path)) Directory.Delete(Path, recursive: true);
    }
}
