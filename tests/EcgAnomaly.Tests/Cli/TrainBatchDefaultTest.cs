using System.Text.Json;
using EcgAnomaly.Cli.Commands;
using EcgAnomaly.RunFolders;

namespace EcgAnomaly.Tests.Cli;

/// <summary>
/// train's batch default: 8 for the LSTM under the tail recipe on ECG5000 (the README's "Batch size" section says which
/// data chose it), 32 (the study's) for the study's recipe and for the models and data the choice was not made on.
/// </summary>
public sealed class TrainBatchDefaultTest
{
    [Theory]
    [InlineData("lstm", "tail", null, 8)]
    [InlineData("LSTM", "tail", null, 8)]
    [InlineData("lstm", "study", null, 32)]
    [InlineData("lstm", "cosine", null, 32)]
    [InlineData("transformer", "tail", null, 32)]
    [InlineData("transformer-ae", "tail", null, 32)]
    [InlineData("lstm", "tail", 32, 32)]
    [InlineData("lstm", "study", 8, 8)]
    public void Should_pick_the_recipe_and_model_default_unless_told_When_the_batch_is_chosen(
        string model, string recipe, int? batch, int expected)
    {
        // Given
        var settings = new TrainSettings { Model = model, Recipe = recipe, Batch = batch };

        // When
        var chosen = settings.BatchChoice;

        // Then
        Assert.Equal(expected, chosen);
    }

    [Theory]
    [InlineData("recording", 32)]
    [InlineData("UCR file", 32)]
    [InlineData("UCR file, --batch 8", 8)]
    public void Should_keep_the_study_batch_When_the_lstm_trains_on_other_data_than_ecg5000(string data, int expected)
    {
        // Given
        var settings = data switch
        {
            "recording" => new TrainSettings { Record = "mitdb/119" },
            "UCR file" => new TrainSettings { TrainFile = "a.tsv", TestFile = "b.tsv" },
            _ => new TrainSettings { TrainFile = "a.tsv", TestFile = "b.tsv", Batch = 8 },
        };

        // When
        var chosen = settings.BatchChoice;

        // Then
        Assert.Equal(expected, chosen);
    }

    [Fact]
    public void Should_record_batch_8_and_the_tail_recipe_in_model_json_When_train_runs_with_its_defaults()
    {
        // Given: the shared one-epoch run (train --model lstm --embedding 32, no --batch, no --recipe)
        var (code, _, error, folder) = OneEpochRun.Result;
        Assert.True(code == 0, error);

        // When
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, RunFiles.Manifest)));
        var hyper = manifest.RootElement.GetProperty("hyperParameters");

        // Then
        Assert.Equal(8, hyper.GetProperty("batchSize").GetInt32());
        Assert.Equal("tail", hyper.GetProperty("learningRateSchedule").GetString());
    }
}
