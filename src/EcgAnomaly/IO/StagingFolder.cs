namespace EcgAnomaly.IO;

/// <summary>
/// A hidden sibling folder where a run's files are written; <see cref="Commit"/> renames it to the final name.
/// Disposing an uncommitted staging folder deletes it, and the parent folders it created, so a failed or interrupted
/// run leaves nothing that looks finished. A run killed outright (SIGKILL) cannot clean up: its staging folder holds
/// an owner file, locked while its process lives, naming the target, and the next run of that target removes it.
/// </summary>
public sealed class StagingFolder : IDisposable
{
    /// <summary>Inside a staging folder: the target's full path, locked (exclusive) by the process writing it.</summary>
    private const string OwnerFile = ".~owner";

    private const string Suffix = ".partial";

    private readonly CreatedFolders _parents;
    private FileStream? _owner;
    private bool _committed;

    private StagingFolder(string target, string path, CreatedFolders parents, FileStream owner)
    {
        Target = target;
        Path = path;
        _parents = parents;
        _owner = owner;
    }

    /// <summary>Where the files go once committed.</summary>
    public string Target { get; }

    /// <summary>Where to write them now.</summary>
    public string Path { get; }

    /// <summary>Refuses a target that exists and is not empty; never overwrites. Removes stale staging folders of the target.</summary>
    /// <exception cref="OutputFolderException">The target exists and is not empty.</exception>
    public static StagingFolder Create(string target)
    {
        var full = System.IO.Path.GetFullPath(target);
        EnsureUsable(full);
        var parent = System.IO.Path.GetDirectoryName(full)!;
        var parents = CreatedFolders.Create(parent);
        try
        {
            RemoveStale(parent, full);
            // A short name, whatever the target's length: ".{target}.{guid}.partial" broke 255-byte names.
            var staging = TemporaryName.In(parent, Suffix);
            Directory.CreateDirectory(staging);
            var owner = new FileStream(
                System.IO.Path.Combine(staging, OwnerFile), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None);
            using (var writer = new StreamWriter(owner, leaveOpen: true)) writer.Write(full);
            owner.Flush(flushToDisk: false);
            return new StagingFolder(full, staging, parents, owner);
        }
        catch
        {
            parents.RemoveIfEmpty();
            throw;
        }
    }

    /// <summary>
    /// Checks that <paramref name="target"/> can become an output folder: absent, or an empty folder, and creatable
    /// (no file in the way above it, a writable folder), so that a command fails before its work, not after.
    /// </summary>
    /// <exception cref="OutputFolderException">The target is a file, or a folder that is not empty.</exception>
    /// <exception cref="OutputPathException">A file stands where a folder above the target must be, or it is not writable.</exception>
    public static void EnsureUsable(string target)
    {
        OutputPaths.EnsureCanCreate(target, System.IO.Path.GetFullPath(target));
        if (File.Exists(target)) throw new OutputFolderException($"{target}: output folder exists as a file; choose another output folder");
        if (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any())
            throw new OutputFolderException(
                $"{target}: output folder exists and is not empty; refusing to overwrite it (choose another output folder)");
    }

    /// <summary>Where to write the file <paramref name="name"/> now (inside the staging folder).</summary>
    public string PathOf(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>
    /// Renames the staging folder to <see cref="Target"/>, checking once more that the run was not interrupted and
    /// that the target is still usable.
    /// </summary>
    /// <param name="cancellationToken">Checked last before the rename: an interruption after the work still leaves no output.</param>
    /// <exception cref="OutputFolderException">Something else created the target meanwhile.</exception>
    /// <exception cref="OperationCanceledException">The run was interrupted; disposing removes the staging folder.</exception>
    public void Commit(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        EnsureUsable(Target);
        RemoveStale(System.IO.Path.GetDirectoryName(Target)!, Target);
        // The owner file goes first (its lock stays until the rename is done); a folder without one is left alone.
        File.Delete(PathOf(OwnerFile));
        if (Directory.Exists(Target)) Directory.Delete(Target);
        Directory.Move(Path, Target);
        _committed = true;
        ReleaseOwner();
    }

    /// <summary>Deletes the staging folder and everything in it unless it was committed, and the parent folders it created.</summary>
    public void Dispose()
    {
        ReleaseOwner();
        if (_committed) return;
        if (Directory.Exists(Path)) Directory.Delete(Path, recursive: true);
        _parents.RemoveIfEmpty();
    }

    private void ReleaseOwner()
    {
        _owner?.Dispose();
        _owner = null;
    }

    /// <summary>
    /// Deletes the staging folders in <paramref name="parent"/> made for <paramref name="target"/> whose process is gone:
    /// their owner file can be locked again (a lock dies with its process, whatever killed it). Folders of live runs,
    /// of other targets, or without an owner file are left alone.
    /// </summary>
    private static void RemoveStale(string parent, string target)
    {
        if (!Directory.Exists(parent)) return;
        foreach (var folder in Directory.EnumerateDirectories(parent, TemporaryName.Prefix + "*" + Suffix))
        {
            try
            {
                string owner;
                using (var stream = new FileStream(
                    System.IO.Path.Combine(folder, OwnerFile), FileMode.Open, FileAccess.Read, FileShare.None))
                using (var reader = new StreamReader(stream))
                {
                    owner = reader.ReadToEnd();
                }
                if (owner == target) Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // Locked by a live run, no owner file, or vanished meanwhile: not ours to remove.
            }
            catch (UnauthorizedAccessException)
            {
                // Another user's run.
            }
        }
    }
}
