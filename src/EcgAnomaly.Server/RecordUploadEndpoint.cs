using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace EcgAnomaly.Server;

/// <summary>
/// <c>POST /api/records?model=NAME</c>: a recording uploaded as multipart form files (WFDB: the .hea, its .dat and
/// optionally its .atr; or one .edf) becomes a job scored by <c>record</c>; <c>GET /api/records/{id}</c> follows it.
/// </summary>
internal static partial class RecordUploadEndpoint
{
    private static readonly string[] Extensions = [".hea", ".dat", ".atr", ".edf"];

    public static async Task<IResult> Upload(HttpContext context, ModelCatalog models, RecordJobs jobs, ServeOptions options)
    {
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = options.MaxUploadBytes;
        if (context.Request.ContentLength > options.MaxUploadBytes) return TooLarge(options);
        var model = context.Request.Query["model"].ToString();
        if (string.IsNullOrEmpty(model)) return ApiProblem.Of(400, "no model: name a run folder with ?model=");
        if (models.Folder(model) is not { } runFolder) return ApiProblem.Of(404, $"no model named '{model}' (GET /api/models lists them)");
        if (!context.Request.HasFormContentType) return ApiProblem.Of(415, "send the recording's files as multipart/form-data");
        IFormCollection form;
        try
        {
            form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge(options);
        }
        catch (InvalidDataException e)
        {
            return ApiProblem.Of(e.Message.Contains("limit", StringComparison.OrdinalIgnoreCase) ? 413 : 400, e.Message);
        }
        var files = form.Files;
        if (files.Count == 0) return ApiProblem.Of(400, "no files: upload the .hea and .dat (and .atr) of a WFDB record, or an .edf");
        if (files.FirstOrDefault(f => !SafeName(f.FileName)) is { } bad)
        {
            return ApiProblem.Of(400,
                $"'{bad.FileName}': a file name of letters, digits, '.', '_' or '-' ending in .hea, .dat, .atr or .edf");
        }
        var descriptors = files.Where(f => f.FileName.EndsWith(".hea", StringComparison.OrdinalIgnoreCase)
            || f.FileName.EndsWith(".edf", StringComparison.OrdinalIgnoreCase)).ToArray();
        if (descriptors.Length != 1) return ApiProblem.Of(400, "upload exactly one recording: one .hea (with its .dat) or one .edf");

        var (id, folder) = jobs.Create();
        foreach (var file in files)
        {
            var stream = File.Create(Path.Combine(folder, Path.GetFileName(file.FileName)));
            await using (stream.ConfigureAwait(false))
                await file.CopyToAsync(stream, context.RequestAborted).ConfigureAwait(false);
        }
        var job = jobs.Enqueue(id, Path.Combine(folder, descriptors[0].FileName), model, runFolder);
        return Results.Accepted($"/api/records/{id}", job);
    }

    public static IResult Status(string id, RecordJobs jobs) =>
        jobs.Find(id) is { } job ? Results.Json(job) : ApiProblem.Of(404, $"no job '{id}'");

    private static bool SafeName(string name) =>
        FolderNames.IsName(name) && Extensions.Any(e => name.EndsWith(e, StringComparison.OrdinalIgnoreCase)) && Stem().IsMatch(name);

    private static IResult TooLarge(ServeOptions options) =>
        ApiProblem.Of(413, $"the upload is larger than this server's limit of {options.MaxUploadBytes:N0} bytes");

    [GeneratedRegex("^[A-Za-z0-9_-][A-Za-z0-9._-]*$")]
    private static partial Regex Stem();
}
