using System.Text.Json;
using System.Text.Json.Nodes;
using EcgAnomaly.Recordings;

namespace EcgAnomaly.Server;

/// <summary>
/// One scored recording as the viewer reads it: its summary (record's summary.json, or one made from a database
/// evaluation's record), every beat, and the scored lead of the recording itself when it lies in a folder the server
/// may read (held in memory once read).
/// </summary>
internal sealed class ScoredRecording
{
    private readonly IReadOnlyList<string> _signalRoots;
    private readonly Lazy<JsonObject> _summary;
    private readonly Lazy<RecordingBeats> _beats;
    private readonly Lazy<(float[] Values, double Frequency)?> _signal;

    private ScoredRecording(string name, Func<JsonObject> summary, Func<RecordingBeats> beats, IReadOnlyList<string> signalRoots)
    {
        Name = name;
        _signalRoots = signalRoots;
        _summary = new(summary);
        _beats = new(beats);
        _signal = new(LoadSignal);
    }

    /// <summary>An output folder of <c>record</c>: its summary.json and beats.csv.</summary>
    public static ScoredRecording FromRecordFolder(string name, string folder, IReadOnlyList<string> signalRoots) =>
        new(name, () => Read(folder), () => RecordingBeats.Read(Path.Combine(folder, RecordScoring.BeatsFile)), signalRoots);

    /// <summary>A record of a per-patient <c>evaluate-database</c> run (records/NAME.json), its recording looked for by
    /// name in the readable folders.</summary>
    public static ScoredRecording FromEvaluation(string name, string recordJson, IReadOnlyList<string> signalRoots)
    {
        var evaluation = new Lazy<EvaluatedRecord>(() => EvaluatedRecord.Read(recordJson, signalRoots));
        return new(name, () => evaluation.Value.Summary, () => evaluation.Value.Beats, signalRoots);
    }

    public string Name { get; }

    public JsonObject Summary => _summary.Value;

    public RecordingBeats Beats => _beats.Value;

    /// <summary>The scored lead in mV and its sampling frequency; null when the recording is not in a readable folder.</summary>
    public (float[] Values, double Frequency)? Signal => _signal.Value;

    private (float[] Values, double Frequency)? LoadSignal()
    {
        var path = Summary["recordPath"]?.GetValue<string>();
        var lead = Summary["signalIndex"]?.GetValue<int>();
        if (path is null || lead is null) return null;
        var full = Path.GetFullPath(path);
        if (!_signalRoots.Any(root => full.StartsWith(root, StringComparison.Ordinal)) || !File.Exists(full)) return null;
        var recording = Signals.EcgRecording.Open(full);
        var values = recording.ReadSignal(lead.Value);
        // A gap (NaN) is drawn as the value before it, as the beat detector sees it.
        for (var i = 1; i < values.Length; i++) if (float.IsNaN(values[i])) values[i] = values[i - 1];
        return (values, recording.Signals[lead.Value].SamplingFrequency);
    }

    private static JsonObject Read(string folder)
    {
        var file = Path.Combine(folder, RecordScoring.SummaryJsonFile);
        try
        {
            return JsonNode.Parse(File.ReadAllText(file)) as JsonObject
                ?? throw DataFormatException.Malformed(file, null, "not a JSON object");
        }
        catch (JsonException e)
        {
            throw DataFormatException.Malformed(file, null, $"not JSON: {e.Message.Split('.')[0]}");
        }
    }
}
