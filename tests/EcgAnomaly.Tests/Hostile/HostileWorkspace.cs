using System.Security.Cryptography;
using EcgAnomaly.Signals.Internal;

namespace EcgAnomaly.Tests.Hostile;

/// <summary>A fresh folder for one hostile case, with ready-made good inputs to spoil, and a fingerprint of its files.</summary>
public sealed class HostileWorkspace : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public string Root => _folder.Path;

    /// <summary>A path inside the workspace.</summary>
    public string PathOf(params string[] parts) => _folder.Combine(parts);

    /// <summary>Writes <paramref name="text"/> to <paramref name="name"/> and returns its path.</summary>
    public string Write(string name, string text) => _folder.Write(name, text);

    /// <summary>Writes <paramref name="bytes"/> to <paramref name="name"/> and returns its path.</summary>
    public string WriteBytes(string name, byte[] bytes)
    {
        var path = PathOf(name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>A copy of a small trained run folder (LSTM E=8 on ECG5000, Fixtures/legacy-runs) to spoil; its path.</summary>
    public string Run(string name = "run") => CopyFolder(TestData.Fixture(Path.Combine("legacy-runs", "lstm8-ecg5000")), name);

    /// <summary>A copy of a WFDB record of the shared data (header, signal and annotation files); its record path.</summary>
    public string Record(string relative, string folder = "record")
    {
        var source = Path.Combine(TestData.DataRoot, "raw-ecg", relative);
        var name = Path.GetFileName(source);
        Directory.CreateDirectory(PathOf(folder));
        foreach (var file in Directory.GetFiles(Path.GetDirectoryName(source)!, name + ".*"))
            File.Copy(file, PathOf(folder, Path.GetFileName(file)));
        return PathOf(folder, name);
    }

    /// <summary>Every file and folder below the root (relative, sorted) with a hash of each file's bytes.</summary>
    public IReadOnlyList<string> Fingerprint() =>
        Directory.EnumerateFileSystemEntries(Root, "*", SearchOption.AllDirectories)
            .Select(e => Path.GetRelativePath(Root, e) + Describe(e))
            .Order(StringComparer.Ordinal)
            .ToList();

    public void Dispose() => _folder.Dispose();

    private string CopyFolder(string source, string name)
    {
        var target = PathOf(name);
        Directory.CreateDirectory(target);
        foreach (var file in Directory.GetFiles(source)) File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        return target;
    }

    /// <summary>A file's hash; a FIFO or device is named, not opened (reading a FIFO would block).</summary>
    private static string Describe(string entry) =>
        !File.Exists(entry) ? "/" : FileKind.NotRegular(entry) is { } kind ? " " + kind : " " + Hash(entry);

    private static string Hash(string file)
    {
        using var stream = File.OpenRead(file);
        return Convert.ToHexString(SHA256.HashData(stream));
    }
}
