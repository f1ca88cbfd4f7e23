using System.Collections.Concurrent;
using EcgAnomaly.Recordings;

namespace EcgAnomaly.Server;

/// <summary>
/// The output folders of <c>record</c> under the served records folder, by folder name (the same rule as run folders:
/// a sub-folder's name and nothing else). A recording's signal is read only from the records folder or the folders
/// given as recordings.
/// </summary>
internal sealed class RecordingCatalog(string? recordsFolder, IReadOnlyList<string> recordingFolders)
{
    private readonly string? _root = recordsFolder is null ? null : Path.GetFullPath(recordsFolder);
    private readonly ConcurrentDictionary<string, ScoredRecording> _open = new(StringComparer.Ordinal);

    private IReadOnlyList<string> SignalRoots => [.. new[] { _root }.Concat(recordingFolders.Select(Path.GetFullPath))
        .OfType<string>().Select(r => r.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar)];

    /// <summary>The names of the scored recordings, sorted.</summary>
    public IReadOnlyList<string> Names() => _root is null || !Directory.Exists(_root) ? []
        : [.. Directory.EnumerateDirectories(_root)
            .Where(d => File.Exists(Path.Combine(d, RecordScoring.SummaryJsonFile)))
            .Select(Path.GetFileName).OfType<string>().Where(FolderNames.IsName).Order(StringComparer.Ordinal)];

    /// <summary>The scored recording <paramref name="name"/>; null when there is none.</summary>
    public ScoredRecording? Find(string name)
    {
        if (_root is null || !FolderNames.IsName(name)) return null;
        var folder = FolderNames.Child(_root, name);
        if (folder is null || !File.Exists(Path.Combine(folder, RecordScoring.SummaryJsonFile))) return null;
        return _open.GetOrAdd(name, _ => new ScoredRecording(name, folder, SignalRoots));
    }
}
