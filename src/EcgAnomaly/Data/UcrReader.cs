using EcgAnomaly.Data.Internal;

namespace EcgAnomaly.Data;

/// <summary>Reads a UCR/UEA archive file of labelled beats, choosing the format by the file extension.</summary>
public static class UcrReader
{
    /// <summary>The extensions understood, in the order they are preferred when several copies exist.</summary>
    public static IReadOnlyList<string> Extensions { get; } = [".tsv", ".txt", ".arff", ".ts"];

    /// <exception cref="DataFormatException">The file is missing, empty, malformed or of an unknown extension.</exception>
    public static LabelledBeats Read(string file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var extension = Path.GetExtension(file).ToLowerInvariant();
        if (!Extensions.Contains(extension)) throw DataFormatException.UnknownExtension(file, Extensions);
        if (!File.Exists(file)) throw DataFormatException.MissingFile(file);
        if (new FileInfo(file).Length == 0) throw DataFormatException.EmptyFile(file);
        return extension switch
        {
            ".tsv" => DelimitedFormatReader.Read(file, tabSeparated: true),
            ".txt" => DelimitedFormatReader.Read(file, tabSeparated: false),
            ".arff" => ArffFormatReader.Read(file),
            _ => TsFormatReader.Read(file),
        };
    }
}
