using System.Globalization;

namespace EcgAnomaly.RunFolders;

/// <summary>validation-scores.csv: the validation-normal scores a run's threshold was chosen from, one per line.</summary>
public static class ValidationScoresFile
{
    /// <summary>The file's first line.</summary>
    public const string Header = "score";

    /// <summary>The file's text: the header, then each score round-trippable ("R", invariant culture) on its own line.</summary>
    public static string Format(IEnumerable<double> scores) =>
        Header + "\n" + string.Concat(scores.Select(v => v.ToString("R", CultureInfo.InvariantCulture) + "\n"));

    /// <summary>The scores in <paramref name="path"/>; every line must be a finite number.</summary>
    /// <exception cref="DataFormatException">The file is missing, empty or has a line that is not a finite number.</exception>
    public static double[] Read(string path)
    {
        if (!File.Exists(path)) throw DataFormatException.MissingFile(path);
        var lines = File.ReadAllLines(path);
        var scores = new double[Math.Max(lines.Length - 1, 0)];
        for (var i = 1; i < lines.Length; i++)
            if (!double.TryParse(lines[i], NumberStyles.Float, CultureInfo.InvariantCulture, out scores[i - 1])
                || !double.IsFinite(scores[i - 1]))
                throw DataFormatException.NotANumber(path, i + 1, 1, lines[i]);
        if (scores.Length == 0) throw DataFormatException.EmptyFile(path);
        return scores;
    }
}
