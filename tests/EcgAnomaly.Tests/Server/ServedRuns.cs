using EcgAnomaly.Tests.Cli;

namespace EcgAnomaly.Tests.Server;

/// <summary>One runs folder with a small model (LSTM E=32, 1 epoch) for every API test, trained once.</summary>
public sealed class ServedRuns : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public ServedRuns()
    {
        Folder = _folder.Combine("runs");
        var (code, output, error) = CliRunner.Run("train", "--model", "lstm", "--embedding", "32", "--epochs", "1",
            "--out", Path.Combine(Folder, Model));
        if (code != 0) throw new InvalidOperationException("training the served model failed: " + output + error);
        // The first 40 beats of the ECG5000 test file, values only, as score --input takes them
        var beats = File.ReadLines(Path.Combine(TestData.Ecg5000Folder, "ECG5000_TEST.tsv")).Take(40)
            .Select(line => string.Join(',', line.Split('\t').Skip(1)));
        BeatsCsv = _folder.Combine("beats.csv");
        File.WriteAllLines(BeatsCsv, beats);
    }

    /// <summary>The run folder's name, the API's model name.</summary>
    public const string Model = "lstm32";

    public string Folder { get; }

    public string BeatsCsv { get; }

    public void Dispose() => _folder.Dispose();
}
