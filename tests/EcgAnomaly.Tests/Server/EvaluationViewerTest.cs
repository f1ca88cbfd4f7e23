using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using EcgAnomaly.Server;
using EcgAnomaly.Tests.Cli;
using EcgAnomaly.Tests.Signals;

namespace EcgAnomaly.Tests.Server;

/// <summary>
/// The viewer over a per-patient evaluate-database folder: each evaluated record is a page whose beats are the ones
/// records/NAME.json keeps, drawn over the record's signal found by name in the recordings folder.
/// </summary>
[Collection(SharedTorch.Name)]
public sealed class EvaluationViewerTest(ServedRuns runs) : IClassFixture<ServedRuns>
{
    [Fact]
    public async Task Should_show_each_evaluated_record_with_the_beats_the_evaluation_kept_When_serving_its_output_folder()
    {
        // Given: a short per-patient evaluation of MIT-BIH 119 (1 epoch, first minute)
        using var dir = new TemporaryFolder();
        var database = Path.GetDirectoryName(RawEcg.Record("mitdb/119"))!;
        var evaluation = dir.Combine("evaluation");
        var (code, output, error) = CliRunner.Run("evaluate-database", "--database", database, "--records", "119",
            "--detector", "per-patient", "--epochs", "1", "--minutes", "1", "--out", evaluation);
        Assert.True(code == 0, output + error);
        var kept = JsonNode.Parse(File.ReadAllText(Path.Combine(evaluation, "records", "119.json")))!["perPatient"]!["beats"]!.AsArray();
        using var factory = new ServerFactory(new ServeOptions
        {
            RunsFolder = runs.Folder,
            RecordsFolder = evaluation,
            RecordingFolders = [database],
        });
        using var client = factory.CreateClient();

        // When
        var names = await client.GetFromJsonAsync<string[]>("/api/recordings");
        using var page = await client.GetAsync("/recordings/119");
        using var data = JsonDocument.Parse(await client.GetStringAsync("/api/recordings/119"));
        using var signal = await client.GetAsync("/api/recordings/119/signal?from=60&to=70&points=100");

        // Then
        Assert.Equal(["119"], names!);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var beats = data.RootElement.GetProperty("beats");
        Assert.Equal(kept.Count, beats.GetProperty("scores").GetArrayLength());
        Assert.Equal(kept[0]!["score"]!.GetValue<double>(), beats.GetProperty("scores")[0].GetDouble());
        Assert.Equal(kept[0]!["reference"]?.GetValue<string>(), beats.GetProperty("reference")[0].GetString());
        Assert.EndsWith("119.hea", data.RootElement.GetProperty("summary").GetProperty("recordPath").GetString());
        Assert.Equal(HttpStatusCode.OK, signal.StatusCode);
    }
}
