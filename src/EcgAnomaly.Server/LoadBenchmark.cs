using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using EcgAnomaly.Detection;
using EcgAnomaly.Evaluation;

namespace EcgAnomaly.Server;

/// <summary>
/// Drives a serve host on a free loopback port with a bounded number of scoring requests per cell (batch size x
/// clients) and stops by itself; nothing leaves the machine whatever the options given.
/// </summary>
public static class LoadBenchmark
{
    /// <summary>Runs every cell and the in-process comparison.</summary>
    /// <param name="runsFolder">The runs folder to serve.</param>
    /// <param name="model">The run folder name to score with.</param>
    /// <param name="beats">Beats to send, cycled (each of the model's beat length).</param>
    /// <param name="batchSizes">Beats per request.</param>
    /// <param name="clients">Concurrent clients.</param>
    /// <param name="beatsPerCell">Beats each cell sends in all (rounded up to whole requests, at least one per client).</param>
    /// <param name="progress">Called with each cell's description before it runs.</param>
    /// <param name="cancellationToken">Stops between requests.</param>
    public static async Task<LoadBenchmarkResult> RunAsync(string runsFolder, string model, float[][] beats,
        IReadOnlyList<int> batchSizes, IReadOnlyList<int> clients, int beatsPerCell, Action<string>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(beats);
        ArgumentNullException.ThrowIfNull(batchSizes);
        ArgumentNullException.ThrowIfNull(clients);
        if (beats.Length == 0) throw new ArgumentException("no beats to send", nameof(beats));
        var options = new ServeOptions
        {
            RunsFolder = runsFolder,
            Address = IPAddress.Loopback,
            Port = 0,
            MaxBeats = Math.Max(100_000, batchSizes.Max()),
        };
        using var host = ScoringServer.CreateHostBuilder(options).Build();
        await host.StartAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var address = ScoringServer.ListeningAddress(host);
            using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = Math.Max(1, clients.Max()) };
            using var client = new HttpClient(handler) { BaseAddress = address, Timeout = TimeSpan.FromMinutes(5) };
            var cells = new List<LoadCell>();
            foreach (var batch in batchSizes)
            {
                var bodies = Bodies(model, beats, batch);
                await Send(client, bodies[0], cancellationToken).ConfigureAwait(false); // loads the model, warms the path
                foreach (var count in clients)
                {
                    progress?.Invoke($"{batch} beats per request, {count} client(s)");
                    var requests = Math.Max(count, (beatsPerCell + batch - 1) / batch);
                    cells.Add(await Cell(client, bodies, batch, count, requests, cancellationToken).ConfigureAwait(false));
                }
            }
            progress?.Invoke("the same beats in-process, as score does");
            var direct = Direct(Path.Combine(runsFolder, model), beats, beatsPerCell);
            using var process = Process.GetCurrentProcess();
            process.Refresh();
            return new LoadBenchmarkResult(model, cells, direct, process.PeakWorkingSet64);
        }
        finally
        {
            await host.StopAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }

    private static async Task<LoadCell> Cell(HttpClient client, byte[][] bodies, int batch, int clients, int requests,
        CancellationToken cancellationToken)
    {
        var latencies = new double[requests];
        var errors = 0;
        var next = -1;
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < requests)
            {
                var started = Stopwatch.GetTimestamp();
                if (!await Send(client, bodies[i % bodies.Length], cancellationToken).ConfigureAwait(false))
                    Interlocked.Increment(ref errors);
                latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }
        }, cancellationToken)).ToArray();
        await Task.WhenAll(workers).ConfigureAwait(false);
        var seconds = clock.Elapsed.TotalSeconds;
        return new LoadCell(batch, clients, requests, errors, seconds, (double)requests * batch / seconds,
            Percentile.Of(latencies, 50), Percentile.Of(latencies, 99));
    }

    private static async Task<bool> Send(HttpClient client, byte[] body, CancellationToken cancellationToken)
    {
        try
        {
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var response = await client.PostAsync(new Uri("/api/score", UriKind.Relative), content, cancellationToken)
                .ConfigureAwait(false);
            await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
            return response.StatusCode == HttpStatusCode.OK;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    // A few different request bodies per batch size, serialised once, so that the clock measures the server.
    private static byte[][] Bodies(string model, float[][] beats, int batch) =>
        [.. Enumerable.Range(0, 4).Select(k => JsonSerializer.SerializeToUtf8Bytes(new ScoreRequest(model,
            [.. Enumerable.Range(0, batch).Select(i => beats[((k * batch) + i) % beats.Length])])))];

    private static double Direct(string runFolder, float[][] beats, int count)
    {
        using var detector = DetectorBundle.Load(runFolder);
        var length = beats[0].Length;
        var values = new float[(long)count * length];
        for (var i = 0; i < count; i++) beats[i % beats.Length].CopyTo(values, (long)i * length);
        var rates = new double[3];
        for (var pass = 0; pass < rates.Length; pass++)
        {
            var clock = Stopwatch.StartNew();
            for (var start = 0; start < count; start += 4096)
                detector.Score(values.AsSpan(start * length, Math.Min(4096, count - start) * length), length);
            rates[pass] = count / clock.Elapsed.TotalSeconds;
        }
        return Percentile.Of(rates, 50);
    }
}
