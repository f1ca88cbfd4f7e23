using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace EcgAnomaly.Server;

/// <summary>
/// A record of a per-patient database evaluation (records/NAME.json) in the shape the viewer draws: a summary with the
/// fields of record's summary.json that the page reads, and every scored beat with its reference class and verdict.
/// </summary>
internal sealed partial record EvaluatedRecord(JsonObject Summary, RecordingBeats Beats)
{
    /// <exception cref="DataFormatException">Not JSON, or a record without per-patient beats.</exception>
    public static EvaluatedRecord Read(string file, IReadOnlyList<string> signalRoots)
    {
        JsonObject root;
        try
        {
            root = JsonNode.Parse(File.ReadAllText(file)) as JsonObject
                ?? throw DataFormatException.Malformed(file, null, "not a JSON object");
        }
        catch (JsonException e)
        {
            throw DataFormatException.Malformed(file, null, $"not JSON: {e.Message.Split('.')[0]}");
        }
        var name = root["record"]?.GetValue<string>() ?? Path.GetFileNameWithoutExtension(file);
        var perPatient = root["perPatient"] as JsonObject;
        if (perPatient?["beats"] is not JsonArray beats)
            throw DataFormatException.Malformed(file, null, "no per-patient beats (run evaluate-database --detector per-patient)");
        var frequency = root["samplingFrequency"]!.GetValue<double>();
        var lead = root["lead"]?.GetValue<string>() ?? "";
        var threshold = perPatient["threshold"]!.GetValue<double>();
        var samples = beats.Select(b => b!["sample"]!.GetValue<long>()).ToArray();
        var scores = beats.Select(b => Number(b!["score"])).ToArray();
        var reference = beats.Select(b => b!["reference"]?.GetValue<string>()).ToArray();
        var verdicts = beats.Select(b => b!["verdict"]?.GetValue<string>()).ToArray();
        var summary = new JsonObject
        {
            ["record"] = name,
            ["lead"] = lead,
            ["samplingFrequency"] = frequency,
            ["durationSeconds"] = root["durationSeconds"]?.GetValue<double>(),
            ["fromSeconds"] = samples.Length == 0 ? 0 : samples[0] / frequency,
            ["model"] = "per-patient model of the database evaluation",
            ["threshold"] = threshold,
            ["ectopy"] = verdicts.Any(v => v is not null) ? "of the database evaluation" : null,
            ["classCounts"] = new JsonObject(reference.OfType<string>().GroupBy(r => r).OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => KeyValuePair.Create(g.Key, (JsonNode?)g.Count()))),
            ["aucAgainstNormal"] = new JsonArray([.. Aucs(perPatient)]),
            ["recordPath"] = Find(name, signalRoots),
            ["signalIndex"] = SignalIndex().Match(lead) is { Success: true } m
                ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : 0,
        };
        return new EvaluatedRecord(summary, new RecordingBeats(
            [.. samples.Select(s => s / frequency)], samples, scores, [.. scores.Select(s => s > threshold)], reference, verdicts));
    }

    private static IEnumerable<JsonNode> Aucs(JsonObject perPatient)
    {
        foreach (var (cls, key) in new[] { ("V", "vebAuc"), ("S", "svebAuc") })
            if (perPatient[key] is JsonValue value && value.TryGetValue<double>(out var auc))
                yield return new JsonObject { ["class"] = cls, ["rocAuc"] = auc };
    }

    // A recording named NAME (.hea or .edf) directly in a readable folder or one level below it.
    private static string? Find(string name, IReadOnlyList<string> roots) =>
        roots.Where(Directory.Exists)
            .SelectMany(root => new[] { root }.Concat(Directory.EnumerateDirectories(root)))
            .SelectMany(folder => new[] { Path.Combine(folder, name + ".hea"), Path.Combine(folder, name + ".edf") })
            .FirstOrDefault(File.Exists);

    private static double Number(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<double>(out var number) ? number : double.NaN;

    [GeneratedRegex(@"\(signal (\d+)\)")]
    private static partial Regex SignalIndex();
}
