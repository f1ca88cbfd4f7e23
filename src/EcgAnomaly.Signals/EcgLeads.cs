using System.Text.RegularExpressions;

namespace EcgAnomaly.Signals;

/// <summary>
/// Which signal of a multi-signal recording is the ECG lead to use by default, chosen by the signals' descriptions:
/// blood pressure, EEG, respiration and other channels share records with the ECG, and the ECG is not always first.
/// </summary>
public static partial class EcgLeads
{
    /// <summary>
    /// The order of preference. MLII first because MIT-BIH's and most arrhythmia work's beat labels and QRS figures
    /// are on it; then a signal labelled only "ECG"; then the limb lead II that MLII modifies; then the precordial
    /// leads, whose QRS is large; then the other limb leads.
    /// </summary>
    public static IReadOnlyList<string> Preference { get; } =
        ["MLII", "ECG", "II", "V1", "V2", "V3", "V4", "V5", "V6", "I", "III", "aVR", "aVL", "aVF"];

    /// <summary>
    /// The index of the preferred ECG lead among <paramref name="descriptions"/>, or null when none is an ECG.
    /// A description matches a lead name ignoring case, blanks and separators, and a leading "ECG", "EKG" or "lead"
    /// ("ECG II", "EKG-V1" and "Lead I" name leads II, V1 and I; "ECG1" counts as "ECG"). When no name matches, a
    /// description containing "ECG" or "EKG" is taken; when every signal is unlabelled (empty, or WFDB's default
    /// "record R, signal i"), signal 0.
    /// </summary>
    public static int? Choose(IReadOnlyList<string> descriptions)
    {
        ArgumentNullException.ThrowIfNull(descriptions);
        int? best = null;
        var bestRank = int.MaxValue;
        for (var i = 0; i < descriptions.Count; i++)
        {
            var rank = Rank(descriptions[i]);
            if (rank < bestRank) (best, bestRank) = (i, rank);
        }
        if (best is not null && bestRank < int.MaxValue) return best;
        return descriptions.Count > 0 && descriptions.All(IsUnlabelled) ? 0 : null;
    }

    /// <summary>Whether <paramref name="description"/> names an ECG lead by the rules of <see cref="Choose"/>.</summary>
    public static bool IsEcg(string description) => Rank(description) < int.MaxValue;

    // The place of "ECG" in Preference.
    private const int EcgRank = 1;

    private static int Rank(string description)
    {
        var token = Token(description ?? "");
        for (var p = 0; p < Preference.Count; p++)
            if (string.Equals(token, Preference[p].ToUpperInvariant(), StringComparison.Ordinal)) return p;
        if (EcgNumbered().IsMatch(token)) return EcgRank;
        var upper = (description ?? "").ToUpperInvariant();
        return upper.Contains("ECG", StringComparison.Ordinal) || upper.Contains("EKG", StringComparison.Ordinal)
            ? Preference.Count
            : int.MaxValue;
    }

    private static string Token(string description)
    {
        var token = Separators().Replace(description.ToUpperInvariant(), "");
        foreach (var prefix in (string[])["ECG", "EKG", "LEAD"])
        {
            var rest = token.StartsWith(prefix, StringComparison.Ordinal) ? token[prefix.Length..] : null;
            if (rest is { Length: > 0 } && !char.IsAsciiDigit(rest[0])) token = rest;
        }
        return token;
    }

    private static bool IsUnlabelled(string description) =>
        string.IsNullOrWhiteSpace(description) || WfdbDefaultDescription().IsMatch(description.Trim());

    [GeneratedRegex(@"[\s\-_:.,/()]+")]
    private static partial Regex Separators();

    [GeneratedRegex("^(ECG|EKG)[0-9]*$")]
    private static partial Regex EcgNumbered();

    [GeneratedRegex(@"^record .*, signal [0-9]+$")]
    private static partial Regex WfdbDefaultDescription();
}
