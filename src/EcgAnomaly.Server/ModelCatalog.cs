using System.Collections.Concurrent;
using EcgAnomaly.Detection;

namespace EcgAnomaly.Server;

/// <summary>
/// The run folders under <see cref="ServeOptions.RunsFolder"/>, each loaded once on first use and shared by every request
/// after. A name is a sub-folder's name and nothing else: no separator, no "..", so a request cannot reach a file
/// outside the folder.
/// </summary>
internal sealed class ModelCatalog(string runsFolder) : IDisposable
{
    private readonly string _root = Path.GetFullPath(runsFolder);
    private readonly ConcurrentDictionary<string, Lazy<ServedModel>> _loaded = new(StringComparer.Ordinal);

    /// <summary>The names of the run folders (sub-folders holding a model.json), sorted.</summary>
    public IReadOnlyList<string> Names() =>
        [.. Directory.EnumerateDirectories(_root)
            .Where(d => File.Exists(Path.Combine(d, RunFolders.RunFiles.Manifest)))
            .Select(Path.GetFileName)
            .OfType<string>()
            .Where(FolderNames.IsName)
            .Order(StringComparer.Ordinal)];

    /// <summary>The run folder <paramref name="name"/> (one holding a model.json); null when there is none.</summary>
    public string? Folder(string name) =>
        FolderNames.Child(_root, name) is { } folder && File.Exists(Path.Combine(folder, RunFolders.RunFiles.Manifest)) ? folder : null;

    /// <summary>
    /// What GET /api/models says of run folder <paramref name="name"/>, read from its model.json alone: listing the
    /// models loads no network. Null for a folder whose model.json cannot be read.
    /// </summary>
    public ModelInfo? Describe(string name)
    {
        if (Folder(name) is not { } folder) return null;
        try
        {
            var manifest = DetectorBundle.ReadManifest(folder);
            return new ModelInfo(name, manifest.Architecture.ShortName, manifest.Architecture.BeatLength,
                manifest.Threshold.Value, manifest.Threshold.Policy, manifest.Members?.Count ?? 1);
        }
        catch (DataFormatException)
        {
            return null;
        }
    }

    /// <summary>The model of run folder <paramref name="name"/>; null when there is no such run folder.</summary>
    /// <exception cref="DataFormatException">The run folder is there but cannot be loaded.</exception>
    public ServedModel? Find(string name)
    {
        if (Folder(name) is not { } folder) return null;
        var lazy = _loaded.GetOrAdd(name, _ => new Lazy<ServedModel>(() => new ServedModel(name, DetectorBundle.Load(folder))));
        try
        {
            return lazy.Value;
        }
        catch
        {
            // A folder that failed to load is tried again next time (it may have been half copied).
            _loaded.TryRemove(new KeyValuePair<string, Lazy<ServedModel>>(name, lazy));
            throw;
        }
    }

    public void Dispose()
    {
        foreach (var model in _loaded.Values.Where(l => l.IsValueCreated)) model.Value.Dispose();
        _loaded.Clear();
    }
}
