using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using EcgAnomaly.Recordings;

namespace EcgAnomaly.Server;

/// <summary>
/// Uploaded recordings scored one after another by <c>record</c>'s own code: each job keeps its files in its own folder
/// under <see cref="Root"/> and writes its output where the viewer finds it (the records folder when there is one).
/// </summary>
internal sealed class RecordJobs : IDisposable
{
    private readonly ConcurrentDictionary<string, RecordJob> _jobs = new(StringComparer.Ordinal);
    private readonly Channel<(string Id, string Record, string RunFolder)> _queue = Channel.CreateUnbounded<(string, string, string)>();
    private readonly CancellationTokenSource _stopping = new();
    private readonly string _outputRoot;
    private readonly Task _worker;

    private readonly bool _temporary;

    public RecordJobs(string root, string? recordsFolder, bool temporary)
    {
        _temporary = temporary;
        Root = Path.GetFullPath(root);
        _outputRoot = recordsFolder is null ? Path.Combine(Root, "scored") : Path.GetFullPath(recordsFolder);
        Directory.CreateDirectory(Root);
        Directory.CreateDirectory(_outputRoot);
        _worker = Task.Run(Work);
    }

    /// <summary>Where uploads are kept: <c>ROOT/ID/</c>, one folder per job.</summary>
    public string Root { get; }

    /// <summary>Where finished jobs' outputs go (the viewer's records folder when there is one).</summary>
    public string OutputRoot => _outputRoot;

    /// <summary>A new job's folder for its uploaded files.</summary>
    public (string Id, string Folder) Create()
    {
        var id = "upload-" + Guid.NewGuid().ToString("N")[..12];
        var folder = Path.Combine(Root, id);
        Directory.CreateDirectory(folder);
        return (id, folder);
    }

    /// <summary>Queues the recording <paramref name="record"/> (its .hea or .edf) for scoring with a run folder.</summary>
    public RecordJob Enqueue(string id, string record, string model, string runFolder)
    {
        var job = new RecordJob(id, "queued", model);
        _jobs[id] = job;
        _queue.Writer.TryWrite((id, record, runFolder));
        return job;
    }

    public RecordJob? Find(string id) => _jobs.GetValueOrDefault(id);

    public void Dispose()
    {
        _queue.Writer.TryComplete();
        _stopping.Cancel();
        try
        {
            _worker.GetAwaiter().GetResult();
        }
        catch (OperationCanceledException)
        {
        }
        _stopping.Dispose();
        // A folder the server made for itself goes with it; one the user named stays.
        if (_temporary && Directory.Exists(Root)) Directory.Delete(Root, recursive: true);
    }

    private async Task Work()
    {
        await foreach (var (id, record, runFolder) in _queue.Reader.ReadAllAsync(_stopping.Token).ConfigureAwait(false))
        {
            var job = _jobs[id];
            _jobs[id] = job with { Status = "running" };
            var output = Path.Combine(_outputRoot, id);
            try
            {
                RecordScoring.Execute(new RecordScoringRequest(runFolder, record, output), cancellationToken: _stopping.Token);
                var summary = JsonNode.Parse(File.ReadAllText(Path.Combine(output, RecordScoring.SummaryJsonFile))) as JsonObject;
                _jobs[id] = job with { Status = "done", Viewer = $"/recordings/{id}", Summary = summary };
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Any failure is this job's, never the worker's: the jobs queued after it still run.
                _jobs[id] = job with { Status = "failed", Error = e.Message.ReplaceLineEndings(" ") };
            }
        }
    }
}
