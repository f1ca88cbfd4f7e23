using System.Globalization;

namespace EcgAnomaly.Ectopy;

/// <summary>
/// What a user must be told when the first minutes hold more than one frequent beat shape: a label-free model then
/// has to guess which shape is this patient's normal, and a wrong guess inverts every verdict.
/// </summary>
public static class BeatShapeNotice
{
    /// <summary>A shape holding at least this share of the first minutes' beats counts as frequent.</summary>
    public const double FrequentShare = 0.15;

    /// <summary>
    /// The notice for a model that learned from the first <paramref name="minutes"/> minutes whose beat shapes had
    /// <paramref name="shares"/> (largest first), or null when one shape is the only frequent one.
    /// </summary>
    public static string? Describe(IReadOnlyList<double>? shares, double minutes, TrainingBeats trainingBeats)
    {
        if (shares is null) return null;
        var frequent = shares.Where(s => s >= FrequentShare).ToArray();
        if (frequent.Length < 2) return null;
        var count = frequent.Length switch
        {
            2 => "two",
            3 => "three",
            4 => "four",
            _ => frequent.Length.ToString(CultureInfo.InvariantCulture),
        };
        var percents = string.Join(" / ", frequent.Select(s => (100 * s).ToString("0", CultureInfo.InvariantCulture) + " %"));
        var what = trainingBeats switch
        {
            TrainingBeats.Dominant => "treated the largest as normal; if that shape is ectopic (bigeminy, frequent PVCs), the "
                + "verdicts are inverted: look at strips.png, or train on annotated normal beats (--only-normal)",
            TrainingBeats.All => "learned all of them as normal, so beats of these shapes are not flagged",
            _ => "learned only the beats annotated N",
        };
        return string.Create(CultureInfo.InvariantCulture,
            $"{count} frequent beat shapes in the first {minutes:0.##} min: {percents}; {what}");
    }
}
