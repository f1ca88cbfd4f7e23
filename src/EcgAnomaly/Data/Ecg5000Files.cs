namespace EcgAnomaly.Data;

/// <summary>
/// The files of the ECG5000 data set and their sha256, as listed in the data set's provenance note
/// (shared/data/ECG5000/SOURCE.md; the .txt/.arff/.ts values are those of the official archive zip).
/// </summary>
public static class Ecg5000Files
{
    /// <summary>The data set's folder name inside a data folder.</summary>
    public const string FolderName = "ECG5000";

    /// <summary>File name of the archive's training part, without extension (500 beats).</summary>
    public const string TrainStem = "ECG5000_TRAIN";

    /// <summary>File name of the archive's test part, without extension (4,500 beats).</summary>
    public const string TestStem = "ECG5000_TEST";

    /// <summary>The known sha256 (lower-case hex) of every file name, one per part and format.</summary>
    public static IReadOnlyDictionary<string, string> Sha256 { get; } = new Dictionary<string, string>
    {
        ["ECG5000_TRAIN.txt"] = "0d96aff193311a6dc6111bf0dbd2f7d2313987fbf7a1da4a383d92563876057b",
        ["ECG5000_TRAIN.arff"] = "f2d793c998d853cbef4fed91f44792d680e51ed238cc51e8197a982b6520f4c6",
        ["ECG5000_TRAIN.ts"] = "1935be5cc08203aa7c0de288fbceb48997d475f43ee610fa373fd6f4a0d66775",
        ["ECG5000_TEST.txt"] = "baf4ad57d28daa5e79050edd4185968181762bc83d45a757753015b4ba8ab295",
        ["ECG5000_TEST.arff"] = "d6084cbb427fbce41d4f7ef7f68f4cadf1cb9964961c67598ef8db1432144fa4",
        ["ECG5000_TEST.ts"] = "2343d4f750e3b2b4b0f470d985afadc590dbc69695597db6bb4888ef01c015ce",
        ["ECG5000_TRAIN.tsv"] = "df86ac15d7e283e731db6be7865f5004b65bc639014cb8b9753c26e24a9092a1",
        ["ECG5000_TEST.tsv"] = "0192997dd1793880633bfb34ae3ad5129c09a8e0f210c469225451b92cdd8548",
    };

    /// <summary>The members of the official archive zip that are checked and kept.</summary>
    public static IReadOnlyList<string> ArchiveMembers { get; } =
        Sha256.Keys.Where(name => !name.EndsWith(".tsv", StringComparison.Ordinal)).ToArray();

    /// <summary>The first file of a split found in <paramref name="folder"/>, in the preferred format order, or null.</summary>
    public static string? Find(string folder, string stem) =>
        UcrReader.Extensions.Select(ext => Path.Combine(folder, stem + ext)).FirstOrDefault(File.Exists);
}
