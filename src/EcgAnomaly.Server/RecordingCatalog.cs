using System.Collections.Concurrent;
using EcgAnomaly.Recordings;

namespace EcgAnomaly.Server;

/// <summary>
/// The output folders of <c>record</c> under the served records folder, by folder name (the same rule as run folders:
/// a sub-folder's name and nothing else). A recording's signal is read only from the records folder or the folders
/// given as recordings.
/// </summary>
internal sealed class RecordingCatalog
{
    private readonly string? _root;
    private readonly IReadOnlyList<string> _recordingFolders;
    private readonly ConcurrentDictionary<string, ScoredRecording> _open = new(StringComparer.Ordinal);

    public RecordingCatalog(string? recordsFolder, IReadOnlyList<string> recordingFolders)
    {
        var root = recordsFolder is null ? null : Path.GetFullPath(recordsFolder);
        _root = root;
        _recordingFolders = recordingFolders;
        _evaluated = new(() => root is null ? [] : ReadEvaluated(root));
    }

    private IReadOnlyList<string> SignalRoots => [.. new[] { _root }.Concat(_recordingFolders.Select(Path.GetFullPath))
        .OfType<string>().Select(r => r.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar)];

    /// <summary>
    /// The names of the scored recordings, sorted: the output folders of record under the records folder, and, when it
    /// is the output folder of a per-patient evaluate-database run, the records of its records/ folder.
    /// </summary>
    public IReadOnlyList<string> Names() => _root is null || !Directory.Exists(_root) ? []
        : [.. Directory.EnumerateDirectories(_root)
            .Where(d => File.Exists(Path.Combine(d, RecordScoring.SummaryJsonFile)))
            .Select(Path.GetFileName)
            .Concat(EvaluatedNames())
            .OfType<string>().Where(FolderNames.IsName).Distinct().Order(StringComparer.Ordinal)];

    /// <summary>The scored recording <paramref name="name"/>; null when there is none.</summary>
    public ScoredRecording? Find(string name)
    {
        if (_root is null || !FolderNames.IsName(name)) return null;
        if (FolderNames.Child(_root, name) is { } folder && File.Exists(Path.Combine(folder, RecordScoring.SummaryJsonFile)))
            return _open.GetOrAdd(name, _ => ScoredRecording.FromRecordFolder(name, folder, SignalRoots));
        var evaluated = Path.Combine(_root, EvaluationRecords, name + ".json");
        return IsEvaluation && File.Exists(evaluated)
            ? _open.GetOrAdd(name, _ => ScoredRecording.FromEvaluation(name, evaluated, SignalRoots))
            : null;
    }

    private const string EvaluationRecords = "records";

    private bool IsEvaluation => _root is not null && File.Exists(Path.Combine(_root, "report.json"))
        && Directory.Exists(Path.Combine(_root, EvaluationRecords));

    // A per-patient evaluation's records that were evaluated (not skipped, not failed), read once from its report.json.
    private string[] EvaluatedNames() => !IsEvaluation ? [] : _evaluated.Value;

    private readonly Lazy<string[]> _evaluated;

    private static string[] ReadEvaluated(string root)
    {
        try
        {
            using var stream = File.OpenRead(Path.Combine(root, "report.json"));
            using var report = System.Text.Json.JsonDocument.Parse(stream);
            var r = report.RootElement;
            if (!r.TryGetProperty("protocol", out var protocol) || !protocol.TryGetProperty("perPatient", out var perPatient)
                || perPatient.ValueKind != System.Text.Json.JsonValueKind.Object)
                return [];
            return [.. r.GetProperty("records").EnumerateArray()
                .Where(e => e.GetProperty("error").ValueKind == System.Text.Json.JsonValueKind.Null
                    && e.GetProperty("skipped").ValueKind == System.Text.Json.JsonValueKind.Null)
                .Select(e => e.GetProperty("record").GetString())
                .OfType<string>()
                .Where(n => File.Exists(Path.Combine(root, EvaluationRecords, n + ".json")))];
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or KeyNotFoundException or InvalidOperationException or IOException)
        {
            return [];
        }
    }
}
