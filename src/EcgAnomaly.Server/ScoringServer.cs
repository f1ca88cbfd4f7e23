using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EcgAnomaly.Server;

/// <summary>
/// The host behind <c>ecg-anomaly serve</c>: Kestrel on <see cref="ServeOptions.Address"/> (loopback by default) with the
/// scoring API, its OpenAPI document (/openapi/v1.json), an interactive page (/api/docs) and the viewer (/).
/// </summary>
public static class ScoringServer
{
    /// <summary>A host builder for <paramref name="options"/>; tests replace its server with an in-memory one.</summary>
    /// <exception cref="ArgumentException">An exposed address without an API key, or a runs folder that does not exist.</exception>
    public static IHostBuilder CreateHostBuilder(ServeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Exposed && string.IsNullOrEmpty(options.ApiKey))
            throw new ArgumentException($"listening on {options.Address} (not loopback) needs an API key", nameof(options));
        if (!Directory.Exists(options.RunsFolder))
            throw new ArgumentException($"{options.RunsFolder}: no such runs folder", nameof(options));
        if (options.RecordsFolder is { } records && !Directory.Exists(records))
            throw new ArgumentException($"{records}: no such records folder", nameof(options));
        return new HostBuilder()
            .ConfigureLogging(logging => logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning)
                .AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Information))
            .ConfigureWebHost(web => web
                .UseKestrel(kestrel =>
                {
                    kestrel.Listen(options.Address, options.Port);
                    kestrel.Limits.MaxRequestBodySize = options.MaxBodyBytes;
                    kestrel.AddServerHeader = false;
                })
                .ConfigureServices(services =>
                {
                    services.AddSingleton(options);
                    services.AddSingleton(_ => new ModelCatalog(options.RunsFolder));
                    var jobs = options.JobsFolder
                        ?? Path.Combine(Path.GetTempPath(), $"ecg-anomaly-serve-{Environment.ProcessId}-{Guid.NewGuid():N}");
                    services.AddSingleton(_ => new RecordJobs(jobs, options.RecordsFolder, temporary: options.JobsFolder is null));
                    // Uploaded recordings are read for the viewer from the jobs folder too.
                    services.AddSingleton(_ => new RecordingCatalog(options.RecordsFolder ?? Path.Combine(jobs, "scored"),
                        [.. options.RecordingFolders, jobs]));
                    services.AddProblemDetails();
                    services.AddRouting();
                    services.AddOpenApi();
                })
                .Configure(app =>
                {
                    // Anything that escapes a handler is a 500 problem with no stack trace.
                    app.UseExceptionHandler();
                    app.UseStatusCodePages();
                    app.Use((context, next) => ApiKeyCheck.Invoke(context, next, options.ApiKey));
                    app.UseRouting();
                    app.UseSwaggerUI(ui =>
                    {
                        ui.RoutePrefix = "api/docs";
                        ui.SwaggerEndpoint("/openapi/v1.json", "ecg-anomaly");
                    });
                    app.UseEndpoints(Map);
                }));
    }

    /// <summary>The address a started host listens on (the real port when it was asked for port 0).</summary>
    public static Uri ListeningAddress(IHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var addresses = host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>();
        return new Uri(addresses?.Addresses.FirstOrDefault() ?? throw new InvalidOperationException("the host listens nowhere"));
    }

    private static void Map(Microsoft.AspNetCore.Routing.IEndpointRouteBuilder endpoints)
    {
        endpoints.MapOpenApi();
        ViewerEndpoints.Map(endpoints);
        endpoints.MapGet("/api/models", (ModelCatalog catalog) => catalog.Names().Select(catalog.Describe).OfType<ModelInfo>())
            .WithSummary("The run folders this server scores with")
            .Produces<ModelInfo[]>();
        endpoints.MapPost("/api/score", ScoreEndpoint.Handle)
            .WithSummary("Score beats with a model, as `ecg-anomaly score` does")
            .Accepts<ScoreRequest>("application/json", "text/csv")
            .Produces<ScoreResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        endpoints.MapPost("/api/records", RecordUploadEndpoint.Upload)
            .WithSummary("Score an uploaded recording (WFDB .hea + .dat [+ .atr], or .edf) as `ecg-anomaly record` does: a job")
            .Accepts<IFormFileCollection>("multipart/form-data")
            .Produces<RecordJob>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .DisableAntiforgery();
        endpoints.MapGet("/api/records/{id}", RecordUploadEndpoint.Status)
            .WithSummary("A recording job: queued, running, done (with record's summary and its viewer page) or failed")
            .Produces<RecordJob>()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
