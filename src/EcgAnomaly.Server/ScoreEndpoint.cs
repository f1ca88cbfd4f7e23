using System.Text.Json;
using EcgAnomaly.Data;
using Microsoft.AspNetCore.Http;

namespace EcgAnomaly.Server;

/// <summary>
/// <c>POST /api/score</c>: beats as JSON (<see cref="ScoreRequest"/>) or as CSV (one beat per row, values only, the
/// model in <c>?model=</c>), scored by a served model exactly as <c>ecg-anomaly score</c> scores them.
/// </summary>
internal static class ScoreEndpoint
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<IResult> Handle(HttpContext context, ModelCatalog catalog, ServeOptions options)
    {
        var request = context.Request;
        if (request.ContentLength > options.MaxBodyBytes) return TooLarge(options);
        string? modelName;
        float[] values;
        int count, length;
        try
        {
            if (request.HasJsonContentType())
            {
                var body = await JsonSerializer.DeserializeAsync<ScoreRequest>(request.Body, Json, context.RequestAborted)
                    .ConfigureAwait(false);
                modelName = body?.Model ?? request.Query["model"].ToString();
                if (body?.Beats is not { Length: > 0 } beats)
                    return ApiProblem.Of(400, "no beats: send {\"model\": ..., \"beats\": [[...], ...]}");
                if (beats.Length > options.MaxBeats) return TooMany(beats.Length, options);
                (values, count, length) = Flatten(beats);
            }
            else if (IsCsv(request.ContentType))
            {
                modelName = request.Query["model"].ToString();
                using var reader = new StreamReader(request.Body);
                var batches = new List<BeatBatch>();
                var total = 0;
                await foreach (var batch in ReadCsv(reader, options.MaxBeats + 1).ConfigureAwait(false))
                {
                    batches.Add(batch);
                    total += batch.Count;
                    if (total > options.MaxBeats) return TooMany(total, options);
                }
                if (total == 0) return ApiProblem.Of(400, "no beats: the CSV body has no rows");
                length = batches[0].Length;
                values = [.. batches.SelectMany(b => b.Values)];
                count = total;
            }
            else
            {
                return ApiProblem.Of(415, "send the beats as application/json or text/csv");
            }
        }
        catch (JsonException e)
        {
            return ApiProblem.Of(400, $"the JSON body is malformed: {FirstSentence(e.Message)}");
        }
        catch (DataFormatException e)
        {
            return ApiProblem.Of(400, e.Message);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge(options);
        }
        catch (ArgumentException e)
        {
            return ApiProblem.Of(400, FirstSentence(e.Message));
        }

        if (string.IsNullOrWhiteSpace(modelName)) return ApiProblem.Of(400, "no model: name a run folder in \"model\" (or ?model=)");
        ServedModel? model;
        try
        {
            model = catalog.Find(modelName);
        }
        catch (DataFormatException e)
        {
            return ApiProblem.Of(500, $"model {modelName} cannot be loaded: {e.Message}");
        }
        if (model is null) return ApiProblem.Of(404, $"no model named '{modelName}' (GET /api/models lists them)");
        var detector = model.Detector;
        if (!detector.Accepts(length))
            return ApiProblem.Of(400, $"beats have {length} samples but the model expects {detector.Spec.BeatLength}");
        var scores = await model.ScoreAsync(values, length).ConfigureAwait(false);
        var threshold = detector.Threshold;
        var abnormal = scores.Select(s => s > threshold).ToArray();
        return Results.Json(new ScoreResponse(model.Name, threshold, detector.ThresholdPolicy.ToString(), count,
            abnormal.Count(a => a), scores, abnormal), Json);
    }

    private static (float[] Values, int Count, int Length) Flatten(float[][] beats)
    {
        var length = beats[0]?.Length ?? 0;
        var values = new float[checked(beats.Length * length)];
        for (var i = 0; i < beats.Length; i++)
        {
            var beat = beats[i];
            if (beat is null || beat.Length != length)
                throw new ArgumentException($"beat {i + 1} has {beat?.Length ?? 0} samples, beat 1 has {length}");
            for (var k = 0; k < length; k++)
            {
                if (!float.IsFinite(beat[k])) throw new ArgumentException($"beat {i + 1}, sample {k + 1} is not a finite number");
                values[(i * length) + k] = beat[k];
            }
        }
        if (length == 0) throw new ArgumentException("beat 1 has no samples");
        return (values, beats.Length, length);
    }

    // The CSV reader is synchronous; the body is buffered up to the size limit first, so reading does not block a thread
    // on the network.
    private static async IAsyncEnumerable<BeatBatch> ReadCsv(StreamReader reader, int batchSize)
    {
        var text = await reader.ReadToEndAsync().ConfigureAwait(false);
        using var buffered = new StringReader(text);
        foreach (var batch in BeatBatchReader.ReadCsv(buffered, "request body", batchSize)) yield return batch;
    }

    private static bool IsCsv(string? contentType) =>
        contentType is not null && (contentType.StartsWith("text/csv", StringComparison.OrdinalIgnoreCase)
            || contentType.StartsWith("text/plain", StringComparison.OrdinalIgnoreCase));

    private static IResult TooLarge(ServeOptions options) =>
        ApiProblem.Of(413, $"the request body is larger than this server's limit of {options.MaxBodyBytes:N0} bytes");

    private static IResult TooMany(int count, ServeOptions options) =>
        ApiProblem.Of(413, $"{count:N0} beats or more in one request; this server scores at most {options.MaxBeats:N0} at a time");

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message : message[..end];
    }
}
