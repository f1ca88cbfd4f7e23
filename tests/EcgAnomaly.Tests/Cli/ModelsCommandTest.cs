using System.Globalization;
using System.Text.Json;

namespace EcgAnomaly.Tests.Cli;

/// <summary>
/// `ecg-anomaly models` against PyTorch's parameter counts: Fixtures/make_pytorch_fixtures.py (the study's LSTM and
/// Transformer autoencoders) and Fixtures/make_pytorch_patch_transformer_fixture.py (transformer-ae).
/// </summary>
[Collection(SharedTorch.Name)]
public sealed class ModelsCommandTest
{
    [Fact]
    public void Should_list_all_eleven_configurations_with_pytorch_parameter_counts_When_listing_the_catalogue()
    {
        // Given
        var expected = PyTorchCounts();

        // When
        var (code, output, error) = CliRunner.Run("models");

        // Then: one table row per configuration (the first cell is the name, the third the count)
        Assert.True(code == 0, error);
        var rows = output.Split('\n')
            .Select(line => line.Split('│', StringSplitOptions.TrimEntries))
            .Where(cells => cells.Length > 4 && expected.ContainsKey(cells[1]))
            .ToDictionary(cells => cells[1], cells => long.Parse(cells[3], NumberStyles.AllowThousands, CultureInfo.InvariantCulture));
        Assert.Equal(expected.OrderBy(kv => kv.Key), rows.OrderBy(kv => kv.Key));
    }

    private static Dictionary<string, long> PyTorchCounts()
    {
        var counts = new Dictionary<string, long>();
        using var study = JsonDocument.Parse(File.ReadAllText(TestData.Fixture("pytorch_lstm_state_dicts.json")));
        foreach (var m in study.RootElement.GetProperty("models").EnumerateArray())
            counts[$"lstm{m.GetProperty("embedding").GetInt32()}"] = m.GetProperty("parameters").GetInt64();
        foreach (var m in study.RootElement.GetProperty("transformers").EnumerateArray())
        {
            var config = string.Join("-", m.GetProperty("config").EnumerateArray().Select(v => v.GetInt32()));
            counts["transformer-" + config] = m.GetProperty("parameters").GetInt64();
        }
        using var patch = JsonDocument.Parse(File.ReadAllText(TestData.Fixture("pytorch_patch_transformer.json")));
        counts["transformer-ae"] = patch.RootElement.GetProperty("models").EnumerateArray()
            .Single(m => m.GetProperty("config").GetProperty("beatLength").GetInt32() == 140).GetProperty("parameters").GetInt64();
        Assert.Equal(11, counts.Count);
        return counts;
    }
}
