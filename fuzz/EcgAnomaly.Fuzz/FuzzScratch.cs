namespace EcgAnomaly.Fuzz;

/// <summary>
/// A folder for the files a target hands its parser: the readers take paths, and a fuzzed input is only bytes.
/// The same few names are overwritten on every run, so a long fuzzing session does not fill the disk.
/// </summary>
public sealed class FuzzScratch : IDisposable
{
    /// <summary>Creates the folder <paramref name="folder"/> (a fresh one per process, so parallel runs never share files).</summary>
    public FuzzScratch(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        Folder = folder;
        Directory.CreateDirectory(folder);
    }

    /// <summary>The folder's full path.</summary>
    public string Folder { get; }

    /// <summary>A scratch folder under ECG_FUZZ_SCRATCH (scripts/fuzz.sh points it at memory), else the temp folder.</summary>
    public static FuzzScratch ForThisProcess()
    {
        var root = Environment.GetEnvironmentVariable("ECG_FUZZ_SCRATCH");
        if (string.IsNullOrEmpty(root)) root = Path.GetTempPath();
        return new FuzzScratch(Path.Combine(root, $"ecganomaly-fuzz-{Environment.ProcessId}"));
    }

    /// <summary>Writes <paramref name="bytes"/> to <paramref name="name"/> in the folder and returns its path.</summary>
    public string Write(string name, ReadOnlySpan<byte> bytes)
    {
        var path = Path.Combine(Folder, name);
        File.WriteAllBytes(path, bytes.ToArray());
        return path;
    }

    /// <summary>Empties the folder, so that a file one input left is not read by the next.</summary>
    public void Clear()
    {
        foreach (var file in Directory.EnumerateFiles(Folder)) File.Delete(file);
    }

    /// <summary>Deletes the folder with everything in it.</summary>
    public void Dispose()
    {
        if (Directory.Exists(Folder)) Directory.Delete(Folder, recursive: true);
    }
}
