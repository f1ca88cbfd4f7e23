using System.Security.Cryptography;

namespace EcgAnomaly.Data;

/// <summary>The two official files of ECG5000 as read from one folder, with their fingerprints.</summary>
public sealed record Ecg5000(LabelledBeats Train, LabelledBeats Test, IReadOnlyDictionary<string, string> Sha256)
{
    /// <summary>Reads ECG5000_TRAIN and ECG5000_TEST from <paramref name="folder"/> in the preferred format found there.</summary>
    public static Ecg5000 Load(string folder)
    {
        var trainFile = Ecg5000Files.Find(folder, Ecg5000Files.TrainStem)
            ?? throw DataFormatException.MissingFile(Path.Combine(folder, Ecg5000Files.TrainStem + ".tsv"));
        var testFile = Ecg5000Files.Find(folder, Ecg5000Files.TestStem)
            ?? throw DataFormatException.MissingFile(Path.Combine(folder, Ecg5000Files.TestStem + ".tsv"));
        var sha = new Dictionary<string, string>
        {
            [Path.GetFileName(trainFile)] = FileSha256(trainFile),
            [Path.GetFileName(testFile)] = FileSha256(testFile),
        };
        return new Ecg5000(UcrReader.Read(trainFile), UcrReader.Read(testFile), sha);
    }

    /// <summary>The sha256 of <paramref name="file"/>'s bytes, as lower-case hex (what model.json records per data file).</summary>
    public static string FileSha256(string file)
    {
        using var stream = File.OpenRead(file);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
