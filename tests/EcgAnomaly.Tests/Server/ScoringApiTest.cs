using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using EcgAnomaly.Server;
using EcgAnomaly.Tests.Cli;

namespace EcgAnomaly.Tests.Server;

/// <summary>
/// POST /api/score against the command line: the expected numbers are what <c>ecg-anomaly score</c> writes for the same
/// beats with the same run folder, not numbers written down here.
/// </summary>
[Collection(SharedTorch.Name)]
public sealed class ScoringApiTest(ServedRuns runs) : IClassFixture<ServedRuns>
{
    private ServeOptions Options => new() { RunsFolder = runs.Folder };

    [Fact]
    public async Task Should_return_the_scores_threshold_and_verdicts_of_the_score_command_When_given_json_or_csv()
    {
        // Given: what the CLI writes for the beats
        var model = Path.Combine(runs.Folder, ServedRuns.Model);
        using var scratch = new TemporaryFolder();
        var written = scratch.Combine("scores.csv");
        var (code, output, error) = CliRunner.Run("score", "--model", model, "--input", runs.BeatsCsv, "--output", written);
        Assert.True(code == 0, output + error);
        var cli = File.ReadLines(written).Skip(1).Select(l => l.Split(',')).ToArray();
        var beats = File.ReadLines(runs.BeatsCsv)
            .Select(l => l.Split(',').Select(v => float.Parse(v, CultureInfo.InvariantCulture)).ToArray()).ToArray();
        using var factory = new ServerFactory(Options);
        using var client = factory.CreateClient();

        // When
        using var json = await client.PostAsJsonAsync("/api/score", new { model = ServedRuns.Model, beats });
        using var csv = await client.PostAsync($"/api/score?model={ServedRuns.Model}",
            new StringContent(File.ReadAllText(runs.BeatsCsv), Encoding.UTF8, "text/csv"));

        // Then: the same numbers to the last bit, from either body
        foreach (var response in new[] { json, csv })
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var result = (await response.Content.ReadFromJsonAsync<ScoreResponse>())!;
            Assert.Equal(cli.Length, result.Beats);
            Assert.Equal(double.Parse(cli[0][2], CultureInfo.InvariantCulture), result.Threshold);
            for (var i = 0; i < cli.Length; i++)
            {
                Assert.Equal(double.Parse(cli[i][1], CultureInfo.InvariantCulture), result.Scores[i]);
                Assert.Equal(cli[i][3] == "1", result.Abnormal[i]);
            }
            Assert.Equal(cli.Count(c => c[3] == "1"), result.Flagged);
        }
    }

    [Theory]
    [InlineData("..")]
    [InlineData("../runs/lstm32")]
    [InlineData("lstm32/../lstm32")]
    [InlineData("%2e%2e%2fruns%2flstm32")]
    [InlineData("/etc")]
    [InlineData("nonexistent")]
    public async Task Should_answer_404_and_load_nothing_When_the_model_name_is_not_a_run_folder_of_the_runs_folder(string name)
    {
        using var factory = new ServerFactory(Options);
        using var client = factory.CreateClient();

        using var response = await client.PostAsync($"/api/score?model={name}", new StringContent("1,2,3\n", Encoding.UTF8, "text/csv"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Should_answer_413_naming_the_limit_When_a_request_holds_too_many_beats_or_bytes()
    {
        // Given: a server that takes at most 10 beats, and one that takes at most 4 KiB
        using var fewBeats = new ServerFactory(Options with { MaxBeats = 10 });
        using var fewBytes = new ServerFactory(Options with { MaxBodyBytes = 4096 });
        var eleven = string.Join('\n', File.ReadLines(runs.BeatsCsv).Take(11));

        // When
        using var many = await fewBeats.CreateClient().PostAsync($"/api/score?model={ServedRuns.Model}",
            new StringContent(eleven, Encoding.UTF8, "text/csv"));
        using var large = await fewBytes.CreateClient().PostAsync($"/api/score?model={ServedRuns.Model}",
            new StringContent(new string('1', 5000), Encoding.UTF8, "text/csv"));

        // Then
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, many.StatusCode);
        Assert.Contains("at most 10", await ProblemDetail(many));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, large.StatusCode);
        Assert.Contains("4,096 bytes", await ProblemDetail(large));
    }

    [Theory]
    [InlineData("application/json", "{\"model\": \"lstm32\", \"beats\": [[1, 2, oops]]}", "malformed")]
    [InlineData("application/json", "{\"model\": \"lstm32\", \"beats\": [[1, 2, 3], [1, 2]]}", "beat 2 has 2 samples, beat 1 has 3")]
    [InlineData("application/json", "{\"model\": \"lstm32\", \"beats\": [[1, 2, 3]]}", "the model expects 140")]
    [InlineData("application/json", "{\"model\": \"lstm32\", \"beats\": []}", "no beats")]
    [InlineData("application/json", "{\"beats\": [[1, 2, 3]]}", "no model")]
    [InlineData("text/csv", "1,2,x\n", "request body")]
    public async Task Should_answer_400_with_a_one_line_problem_and_no_stack_trace_When_the_beats_are_bad(
        string contentType, string body, string expected)
    {
        using var factory = new ServerFactory(Options);
        using var client = factory.CreateClient();

        // The JSON bodies name their model themselves (or, for "no model", do not)
        var query = contentType == "text/csv" ? $"?model={ServedRuns.Model}" : "";
        using var response = await client.PostAsync($"/api/score{query}", new StringContent(body, Encoding.UTF8, contentType));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var detail = await ProblemDetail(response);
        Assert.Contains(expected, detail);
        Assert.DoesNotContain("\n", detail);
        Assert.DoesNotContain(" at ", detail);
    }

    [Fact]
    public async Task Should_answer_401_without_the_api_key_and_200_with_it_When_the_server_has_one()
    {
        using var factory = new ServerFactory(Options with { ApiKey = "s3cret" });
        using var client = factory.CreateClient();

        using var none = await client.GetAsync("/api/models");
        using var wrong = await Get(client, "/api/models", ("X-Api-Key", "guess"));
        using var header = await Get(client, "/api/models", ("X-Api-Key", "s3cret"));
        using var bearer = await Get(client, "/api/models", ("Authorization", "Bearer s3cret"));

        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Contains("API key", await ProblemDetail(none));
        Assert.Equal(HttpStatusCode.OK, header.StatusCode);
        Assert.Equal(HttpStatusCode.OK, bearer.StatusCode);
        var models = await header.Content.ReadFromJsonAsync<ModelInfo[]>();
        Assert.Equal(ServedRuns.Model, Assert.Single(models!).Name);
    }

    [Fact]
    public async Task Should_let_the_viewers_requests_through_after_a_page_was_opened_with_the_key_When_the_server_has_one()
    {
        using var factory = new ServerFactory(Options with { ApiKey = "s3cret" });
        using var client = factory.CreateClient(); // keeps cookies, as a browser does

        using var before = await client.GetAsync("/api/models");
        using var wrongPage = await client.GetAsync("/?key=guess");
        using var afterWrong = await client.GetAsync("/api/models");
        using var page = await client.GetAsync("/?key=s3cret");
        using var after = await client.GetAsync("/api/models");

        Assert.Equal(HttpStatusCode.Unauthorized, before.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, afterWrong.StatusCode);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Fact]
    public async Task Should_serve_the_openapi_document_and_the_pages_by_name_but_no_listing_of_any_folder()
    {
        using var factory = new ServerFactory(Options);
        using var client = factory.CreateClient();

        using var document = await client.GetAsync("/openapi/v1.json");
        using var index = await client.GetAsync("/");
        using var asset = await client.GetAsync("/assets/viewer.js");
        var refused = new List<HttpResponseMessage>();
        foreach (var path in new[] { "/runs/", "/assets/", "/assets/..%2fEcgAnomaly.Server.dll", "/runs/lstm32/model.json",
            "/api/runs/lstm32/plots/model.json", "/api/runs/lstm32/plots/..%2fmodel.json", "/api/runs/..%2flstm32" })
            refused.Add(await client.GetAsync(path));

        Assert.Equal(HttpStatusCode.OK, document.StatusCode);
        using var openApi = JsonDocument.Parse(await document.Content.ReadAsStringAsync());
        Assert.True(openApi.RootElement.GetProperty("paths").TryGetProperty("/api/score", out _));
        Assert.Equal("text/html", index.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, asset.StatusCode);
        Assert.All(refused, r => Assert.Equal(HttpStatusCode.NotFound, r.StatusCode));
        foreach (var r in refused) r.Dispose();
    }

    [Fact]
    public async Task Should_give_a_run_folders_metrics_and_plots_for_its_page()
    {
        using var factory = new ServerFactory(Options);
        using var client = factory.CreateClient();

        using var run = await client.GetAsync($"/api/runs/{ServedRuns.Model}");
        using var page = await client.GetAsync($"/runs/{ServedRuns.Model}");
        using var loss = await client.GetAsync($"/api/runs/{ServedRuns.Model}/plots/loss.png");

        // Then: the numbers of the run folder's own metrics.json
        using var metrics = JsonDocument.Parse(File.ReadAllText(Path.Combine(runs.Folder, ServedRuns.Model, "metrics.json")));
        using var body = JsonDocument.Parse(await run.Content.ReadAsStringAsync());
        Assert.Equal(metrics.RootElement.GetProperty("rocAuc").GetDouble(),
            body.RootElement.GetProperty("metrics").GetProperty("rocAuc").GetDouble());
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Equal("image/png", loss.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public void Should_refuse_to_listen_beyond_loopback_without_an_api_key()
    {
        var exposed = Options with { Address = IPAddress.Any };

        var e = Assert.Throws<ArgumentException>(() => ScoringServer.CreateHostBuilder(exposed));

        Assert.Contains("needs an API key", e.Message);
        var (code, _, error) = CliRunner.Run("serve", "--runs", runs.Folder, "--host", "0.0.0.0");
        BadInputTest.AssertOneLineError(code, error, "--api-key");
    }

    [Fact]
    public async Task Should_give_each_request_its_own_scores_When_concurrent_requests_queue_for_the_model_together()
    {
        // Given: 8 requests of 5 different beats each, first one at a time (each scored alone)
        var beats = File.ReadLines(runs.BeatsCsv).ToArray();
        using var factory = new ServerFactory(Options);
        using var client = factory.CreateClient();
        async Task<ScoreResponse> Post(int k)
        {
            using var response = await client.PostAsync($"/api/score?model={ServedRuns.Model}",
                new StringContent(string.Join('\n', beats.Skip(5 * k).Take(5)), Encoding.UTF8, "text/csv"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return (await response.Content.ReadFromJsonAsync<ScoreResponse>())!;
        }
        var alone = new List<ScoreResponse>();
        for (var k = 0; k < 8; k++) alone.Add(await Post(k));

        // When: all 8 at once, so that the queue merges them
        var together = await Task.WhenAll(Enumerable.Range(0, 8).Select(Post));

        // Then: every request gets the scores of its own beats, in order
        for (var k = 0; k < 8; k++)
        {
            Assert.Equal(5, together[k].Beats);
            for (var i = 0; i < 5; i++) Assert.Equal(alone[k].Scores[i], together[k].Scores[i], 1e-9 * alone[k].Scores[i]);
        }
    }

    [Fact]
    public async Task Should_send_a_bounded_number_of_requests_on_loopback_and_stop_When_benchmarking_the_api()
    {
        var beats = File.ReadLines(runs.BeatsCsv)
            .Select(l => l.Split(',').Select(v => float.Parse(v, CultureInfo.InvariantCulture)).ToArray()).ToArray();

        var result = await LoadBenchmark.RunAsync(runs.Folder, ServedRuns.Model, beats, [4], [1, 3], beatsPerCell: 8);

        Assert.Equal([2, 3], result.Cells.Select(c => c.Requests)); // 8 beats in requests of 4, at least one per client
        Assert.All(result.Cells, c => Assert.Equal(0, c.Errors));
        Assert.All(result.Cells, c => Assert.True(c.P99Milliseconds >= c.P50Milliseconds));
        Assert.True(result.DirectBeatsPerSecond > 0);
    }

    private static async Task<HttpResponseMessage> Get(HttpClient client, string path, (string Name, string Value) header)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation(header.Name, header.Value);
        return await client.SendAsync(request);
    }

    private static async Task<string> ProblemDetail(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return problem.RootElement.GetProperty("detail").GetString()!;
    }
}
