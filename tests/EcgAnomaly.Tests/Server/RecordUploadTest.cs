using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using EcgAnomaly.Server;
using EcgAnomaly.Signals;
using EcgAnomaly.Tests.Cli;
using EcgAnomaly.Tests.Signals;

namespace EcgAnomaly.Tests.Server;

/// <summary>
/// POST /api/records: an uploaded WFDB record scored as a job; the expected summary is what <c>ecg-anomaly record</c>
/// writes for the same record and run folder.
/// </summary>
[Collection(SharedTorch.Name)]
public sealed class RecordUploadTest(ServedRuns runs) : IClassFixture<ServedRuns>
{
    [Theory]
    [InlineData("wfdb")]
    [InlineData("edf")]
    public async Task Should_score_an_uploaded_recording_as_record_does_and_show_it_in_the_viewer(string format)
    {
        // Given: what record writes for MIT-BIH 100 (as EDF+: its first 10 minutes, with the reference as annotations)
        using var dir = new TemporaryFolder();
        var record = format == "wfdb" ? RawEcg.Record("mitdb/100") : WriteEdf(dir);
        var uploads = format == "wfdb" ? [record + ".hea", record + ".dat", record + ".atr"] : new[] { record };
        var (code, output, error) = CliRunner.Run("record", "--model", Path.Combine(runs.Folder, ServedRuns.Model), "--record", record,
            "--out", dir.Combine("cli"));
        Assert.True(code == 0, output + error);
        using var expected = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir.Combine("cli"), "summary.json")));
        using var factory = new ServerFactory(new ServeOptions { RunsFolder = runs.Folder, RecordsFolder = dir.Combine("records") });
        Directory.CreateDirectory(dir.Combine("records"));
        using var client = factory.CreateClient();

        // When: its files are uploaded and the job is followed until it ends
        using var form = new MultipartFormDataContent();
        foreach (var path in uploads)
        {
            var file = new ByteArrayContent(File.ReadAllBytes(path));
            file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(file, "files", Path.GetFileName(path));
        }
        var job = await UploadAndFollow(client, form);

        // Then: the job's summary has record's beats and flags, and the viewer lists it
        Assert.True(job.Status == "done", $"{job.Status}: {job.Error}");
        Assert.Equal(expected.RootElement.GetProperty("beats").GetInt32(), job.Summary!["beats"]!.GetValue<int>());
        Assert.Equal(expected.RootElement.GetProperty("flagged").GetInt32(), job.Summary!["flagged"]!.GetValue<int>());
        Assert.Contains(job.Id, (await client.GetFromJsonAsync<string[]>("/api/recordings"))!);
        using var signal = await client.GetAsync($"/api/recordings/{job.Id}/signal?from=0&to=10&points=100");
        Assert.Equal(HttpStatusCode.OK, signal.StatusCode);
    }

    [Fact]
    public async Task Should_end_the_job_failed_with_a_one_line_reason_and_run_the_next_When_the_recording_is_corrupt()
    {
        // Given: MIT-BIH 100's header with a .dat of 12 bytes instead of 1.95 MB, then the real record
        using var factory = new ServerFactory(new ServeOptions { RunsFolder = runs.Folder });
        using var client = factory.CreateClient();
        var record = RawEcg.Record("mitdb/100");
        async Task<RecordJob> Upload(byte[] dat)
        {
            using var form = new MultipartFormDataContent
            {
                { new ByteArrayContent(File.ReadAllBytes(record + ".hea")), "files", "100.hea" },
                { new ByteArrayContent(dat), "files", "100.dat" },
            };
            return await UploadAndFollow(client, form);
        }

        // When
        var corrupt = await Upload(new byte[12]);
        var whole = await Upload(File.ReadAllBytes(record + ".dat"));

        // Then
        Assert.Equal("failed", corrupt.Status);
        Assert.False(string.IsNullOrWhiteSpace(corrupt.Error));
        Assert.DoesNotContain("\n", corrupt.Error);
        Assert.Equal("done", whole.Status);
    }

    [Theory]
    [InlineData("../100.hea", "a file name of letters")]
    [InlineData("100.exe", "a file name of letters")]
    [InlineData("100.dat", "exactly one recording")]
    public async Task Should_answer_400_and_keep_nothing_When_the_upload_is_not_one_recording_of_safe_names(string name, string expected)
    {
        using var factory = new ServerFactory(new ServeOptions { RunsFolder = runs.Folder });
        using var client = factory.CreateClient();
        using var form = new MultipartFormDataContent { { new ByteArrayContent([1, 2, 3]), "files", name } };

        using var response = await client.PostAsync($"/api/records?model={ServedRuns.Model}", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains(expected, problem.RootElement.GetProperty("detail").GetString());
    }

    // Posts the upload (202 expected) and follows the job until it ends (two minutes at most).
    private static async Task<RecordJob> UploadAndFollow(HttpClient client, MultipartFormDataContent form)
    {
        using var accepted = await client.PostAsync($"/api/records?model={ServedRuns.Model}", form);
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var job = (await accepted.Content.ReadFromJsonAsync<RecordJob>())!;
        for (var wait = 0; wait < 600 && job.Status is "queued" or "running"; wait++)
        {
            await Task.Delay(200);
            job = (await client.GetFromJsonAsync<RecordJob>(accepted.Headers.Location!))!;
        }
        return job;
    }

    private static string WriteEdf(TemporaryFolder dir)
    {
        var source = WfdbRecord.Open(RawEcg.Record("mitdb/100"));
        var atr = WfdbAnnotationReader.Read(source.AnnotationPath()!);
        var path = dir.Combine("100.edf");
        EdfWriter.Write(path, source, 600, atr.Select(a => new EdfAnnotation(a.Sample / source.SamplingFrequency, null, a.Symbol)));
        return path;
    }
}
