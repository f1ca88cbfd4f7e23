namespace EcgAnomaly.Signals;

/// <summary>
/// Beat-by-beat comparison of detected beats with reference annotations, as ANSI/AAMI EC57 and WFDB's bxb count
/// them: a detection within the matching window (150 ms) of a reference beat is a true positive, each reference and
/// each detection is matched at most once (nearest first), unmatched references are false negatives and unmatched
/// detections false positives. Unlike bxb's default, the whole record is compared (no 5-minute learning period).
/// </summary>
public static class BeatMatching
{
    /// <summary>Indices of the matched detection for every reference beat (-1 when missed), and the counts.</summary>
    public static BeatMatchResult Compare(IReadOnlyList<long> reference, IReadOnlyList<long> detected, long window)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(detected);
        var match = new int[reference.Count];
        Array.Fill(match, -1);
        var used = new bool[detected.Count];
        // Candidate pairs within the window, nearest first; both lists are sorted, so each reference looks at a few.
        var pairs = new List<(long Distance, int Reference, int Detected)>();
        var start = 0;
        for (var r = 0; r < reference.Count; r++)
        {
            while (start < detected.Count && detected[start] < reference[r] - window) start++;
            for (var d = start; d < detected.Count && detected[d] <= reference[r] + window; d++)
                pairs.Add((Math.Abs(detected[d] - reference[r]), r, d));
        }
        foreach (var (_, r, d) in pairs.OrderBy(p => p.Distance).ThenBy(p => p.Reference))
        {
            if (match[r] >= 0 || used[d]) continue;
            match[r] = d;
            used[d] = true;
        }
        var truePositives = match.Count(m => m >= 0);
        return new BeatMatchResult(match, truePositives, reference.Count - truePositives, detected.Count - truePositives);
    }
}
