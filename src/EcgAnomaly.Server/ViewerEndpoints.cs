using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace EcgAnomaly.Server;

/// <summary>
/// The viewer: pages for scored recordings and run folders, and the JSON they draw from (the signal decimated on the
/// server to about one minimum and maximum per pixel, so a day-long recording stays fast).
/// </summary>
internal static class ViewerEndpoints
{
    private static readonly string[] RunPlots = ["loss.png", "roc.png", "histogram.png"];

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/", () => Page("index.html")).ExcludeFromDescription();
        endpoints.MapGet("/recordings/{name}", (string name, RecordingCatalog catalog) =>
            catalog.Find(name) is null ? NotFound("scored recording", name) : Page("viewer.html")).ExcludeFromDescription();
        endpoints.MapGet("/runs/{name}", (string name, ModelCatalog models) =>
            models.Folder(name) is null ? NotFound("run folder", name) : Page("run.html")).ExcludeFromDescription();
        endpoints.MapGet("/assets/{file}", (string file) =>
            Assets.Find(file) is { } asset ? Results.Bytes(asset.Content, asset.ContentType) : NotFound("asset", file))
            .ExcludeFromDescription();

        endpoints.MapGet("/api/recordings", (RecordingCatalog catalog) => catalog.Names())
            .WithSummary("The scored recordings (output folders of record) this server shows");
        endpoints.MapGet("/api/recordings/{name}", Recording).WithSummary("A scored recording: its summary and every beat");
        endpoints.MapGet("/api/recordings/{name}/signal", Signal)
            .WithSummary("The scored lead between two times, as minimum and maximum per bucket");
        endpoints.MapGet("/api/recordings/{name}/gallery", Gallery)
            .WithSummary("The most abnormal beats and the patient's normal template, at full resolution");
        endpoints.MapGet("/api/runs/{name}", Run).WithSummary("A run folder's metrics and loss history");
        endpoints.MapGet("/api/runs/{name}/plots/{file}", (string name, string file, ModelCatalog models) =>
            models.Folder(name) is { } folder && RunPlots.Contains(file) && File.Exists(Path.Combine(folder, file))
                ? Results.File(Path.Combine(folder, file), "image/png") : NotFound("plot", file))
            .WithSummary("One of a run folder's plots (loss.png, roc.png, histogram.png)");
    }

    private static IResult Recording(string name, RecordingCatalog catalog)
    {
        if (catalog.Find(name) is not { } recording) return NotFound("scored recording", name);
        var beats = recording.Beats;
        return Results.Json(new JsonObject
        {
            ["name"] = recording.Name,
            ["summary"] = recording.Summary.DeepClone(),
            ["hasSignal"] = recording.Signal is not null,
            ["beats"] = new JsonObject
            {
                ["seconds"] = Array(beats.Seconds),
                ["scores"] = Array(beats.Scores),
                ["flagged"] = new JsonArray([.. beats.Flagged.Select(f => (JsonNode)f)]),
                ["reference"] = new JsonArray([.. beats.Reference.Select(r => (JsonNode?)r)]),
                ["class"] = new JsonArray([.. beats.Class.Select(c => (JsonNode?)c)]),
            },
        });
    }

    private static IResult Signal(string name, double? from, double? to, int? points, RecordingCatalog catalog)
    {
        if (catalog.Find(name) is not { } recording) return NotFound("scored recording", name);
        if (recording.Signal is not { } signal)
            return ApiProblem.Of(404, $"the recording of {name} is not in a folder this server may read (--records, --recordings)");
        var (values, frequency) = signal;
        var duration = values.Length / frequency;
        var start = Math.Clamp(from ?? 0, 0, duration);
        var end = Math.Clamp(to ?? duration, start, duration);
        var buckets = Math.Clamp(points ?? 2000, 10, 20_000);
        var first = (long)(start * frequency);
        var last = Math.Min(values.Length, (long)Math.Ceiling(end * frequency));
        var step = Math.Max(1, (int)Math.Ceiling((last - first) / (double)buckets));
        var minimum = new List<double>();
        var maximum = new List<double>();
        var times = new List<double>();
        for (var i = first; i < last; i += step)
        {
            var stop = Math.Min(last, i + step);
            var low = float.MaxValue;
            var high = float.MinValue;
            for (var k = i; k < stop; k++)
            {
                low = Math.Min(low, values[k]);
                high = Math.Max(high, values[k]);
            }
            times.Add(i / frequency);
            minimum.Add(Math.Round(low, 4));
            maximum.Add(Math.Round(high, 4));
        }
        return Results.Json(new { from = start, to = end, frequency, step, seconds = times, min = minimum, max = maximum });
    }

    private static IResult Gallery(string name, int? count, RecordingCatalog catalog)
    {
        if (catalog.Find(name) is not { } recording) return NotFound("scored recording", name);
        if (recording.Signal is not { } signal)
            return ApiProblem.Of(404, $"the recording of {name} is not in a folder this server may read (--records, --recordings)");
        var (values, frequency) = signal;
        var beats = recording.Beats;
        int before = (int)(0.3 * frequency), after = (int)(0.5 * frequency);
        bool Whole(int i) => beats.Samples[i] - before >= 0 && beats.Samples[i] + after <= values.Length;
        double[] Window(int i) =>
            [.. Enumerable.Range(0, before + after).Select(k => Math.Round(values[beats.Samples[i] - before + k], 4))];
        var order = Enumerable.Range(0, beats.Scores.Length).Where(Whole).OrderBy(i => beats.Scores[i]).ToArray();
        // The template: the mean of the beats scored most normal (the lowest fifth, at most 200), each a whole window.
        var normal = order.Take(Math.Clamp(order.Length / 5, 1, 200)).ToArray();
        var template = normal.Length == 0 ? [] : Enumerable.Range(0, before + after)
            .Select(k => Math.Round(normal.Average(i => values[beats.Samples[i] - before + k]), 4)).ToArray();
        var worst = order.Reverse().Take(Math.Clamp(count ?? 12, 1, 48)).Select(i => new GalleryBeat(
            i, beats.Seconds[i], beats.Scores[i], beats.Reference[i], beats.Class[i], Window(i)));
        return Results.Json(new { before = before / frequency, after = after / frequency, frequency, template, beats = worst });
    }

    private static IResult Run(string name, ModelCatalog models)
    {
        if (models.Folder(name) is not { } folder) return NotFound("run folder", name);
        var metrics = Path.Combine(folder, RunFolders.RunFiles.Metrics);
        var history = Path.Combine(folder, RunFolders.RunFiles.History);
        return Results.Json(new JsonObject
        {
            ["name"] = name,
            ["metrics"] = File.Exists(metrics) ? JsonNode.Parse(File.ReadAllText(metrics)) : null,
            ["history"] = File.Exists(history) ? new JsonArray([.. File.ReadLines(history).Select(l => (JsonNode)l)]) : null,
            ["plots"] = new JsonArray([.. RunPlots.Where(p => File.Exists(Path.Combine(folder, p))).Select(p => (JsonNode)p)]),
        });
    }

    private static JsonArray Array(double[] values) => new([.. values.Select(v => (JsonNode)v)]);

    private static IResult Page(string file) =>
        Assets.Find(file) is { } page ? Results.Bytes(page.Content, page.ContentType) : NotFound("page", file);

    private static IResult NotFound(string what, string name) => ApiProblem.Of(404, $"no {what} named '{name}'");

    private sealed record GalleryBeat(int Index, double Seconds, double Score, string? Reference, string? Verdict, double[] Values);
}
