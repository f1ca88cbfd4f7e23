using System.Globalization;
using EcgAnomaly.Signals.Internal;

namespace EcgAnomaly.RunFolders;

/// <summary>validation-scores.csv: the validation-normal scores a run's threshold was chosen from, one per line.</summary>
public static class ValidationScoresFile
{
    /// <summary>The file's first line.</summary>
    public const string Header = "score";

    /// <summary>Scores a validation-scores.csv may hold: 10,000,000 (a day of beats is about 110,000).</summary>
    public const int MaxScores = 10_000_000;

    /// <summary>The file's text: the header, then each score round-trippable ("R", invariant culture) on its own line.</summary>
    public static string Format(IEnumerable<double> scores) =>
        Header + "\n" + string.Concat(scores.Select(v => v.ToString("R", CultureInfo.InvariantCulture) + "\n"));

    /// <summary>The scores in <paramref name="path"/>; every line must be a finite number.</summary>
    /// <exception cref="DataFormatException">The file is missing, empty or has a line that is not a finite number.</exception>
    public static double[] Read(string path)
    {
        if (!File.Exists(path)) throw DataFormatException.MissingFile(path);
        // A file we wrote, but read line by line with bounds: a hostile one must not take all memory.
        var scores = new List<double>();
        var number = 0;
        foreach (var line in BoundedLines.ReadFile(path))
        {
            if (++number == 1) continue;
            if (scores.Count == MaxScores)
                throw DataFormatException.Malformed(path, number, $"more than {MaxScores:N0} validation scores");
            if (!double.TryParse(line, NumberStyles.Float, CultureInfo.InvariantCulture, out var score) || !double.IsFinite(score))
                throw DataFormatException.NotANumber(path, number, 1, line);
            scores.Add(score);
        }
        if (scores.Count == 0) throw DataFormatException.EmptyFile(path);
        return [.. scores];
    }
}
