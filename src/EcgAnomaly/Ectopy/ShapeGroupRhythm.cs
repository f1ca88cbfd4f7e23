using EcgAnomaly.Evaluation;

namespace EcgAnomaly.Ectopy;

/// <summary>
/// The rhythm of a beat's shape group over the whole scored stretch, without labels: the scored beats are grouped by QRS
/// shape (<see cref="BeatShapeClusters"/>) and each beat gets its group's share and the medians of its members'
/// prematurity and pause. A large group of on-time beats with no pause is a normal variant (a conduction change after
/// the first minutes), a group of early beats followed by pauses is ectopic, whatever the first minutes looked like.
/// </summary>
/// <param name="Share">The share of the scored beats in the beat's group (0-1; NaN without a QRS window).</param>
/// <param name="Prematurity">The median prematurity of the group's beats (NaN when unknown).</param>
/// <param name="Pause">The median pause of the group's beats (NaN when unknown).</param>
public readonly record struct ShapeGroupRhythm(double Share, double Prematurity, double Pause)
{
    /// <summary>No group: a beat whose QRS window could not be cut.</summary>
    public static ShapeGroupRhythm Unknown { get; } = new(double.NaN, double.NaN, double.NaN);

    /// <summary>
    /// The group rhythm of each beat: <paramref name="qrs"/> holds each beat's QRS window (null when it has none),
    /// <paramref name="rhythm"/> its timing, in the same order.
    /// </summary>
    public static ShapeGroupRhythm[] Of(IReadOnlyList<float[]?> qrs, IReadOnlyList<BeatRhythm> rhythm)
    {
        ArgumentNullException.ThrowIfNull(qrs);
        ArgumentNullException.ThrowIfNull(rhythm);
        if (qrs.Count != rhythm.Count) throw new ArgumentException("one rhythm per beat", nameof(rhythm));
        var shaped = Enumerable.Range(0, qrs.Count).Where(i => qrs[i] is not null).ToArray();
        return Of(BeatShapeClusters.Of([.. shaped.Select(i => qrs[i]!)]), shaped, rhythm);
    }

    /// <summary>
    /// The group rhythm of each beat from groups already made: <paramref name="clusters"/> grouped the beats
    /// <paramref name="shaped"/> (indices into <paramref name="rhythm"/>, one per clustered beat); the other beats are
    /// <see cref="Unknown"/>.
    /// </summary>
    public static ShapeGroupRhythm[] Of(BeatShapeClusters clusters, IReadOnlyList<int> shaped, IReadOnlyList<BeatRhythm> rhythm)
    {
        ArgumentNullException.ThrowIfNull(clusters);
        ArgumentNullException.ThrowIfNull(shaped);
        ArgumentNullException.ThrowIfNull(rhythm);
        if (clusters.Assignment.Count != shaped.Count) throw new ArgumentException("one index per clustered beat", nameof(shaped));
        if (shaped.Any(i => i < 0 || i >= rhythm.Count)) throw new ArgumentException("one rhythm per beat", nameof(rhythm));
        var result = Enumerable.Repeat(Unknown, rhythm.Count).ToArray();
        for (var c = 0; c < clusters.Sizes.Count; c++)
        {
            var members = clusters.Members(c).Select(k => shaped[k]).ToArray();
            var group = new ShapeGroupRhythm(
                clusters.Share(c),
                Median(members.Select(i => rhythm[i].Prematurity)),
                Median(members.Select(i => rhythm[i].Pause)));
            foreach (var i in members) result[i] = group;
        }
        return result;
    }

    private static double Median(IEnumerable<double> values)
    {
        var finite = values.Where(double.IsFinite).ToArray();
        return finite.Length == 0 ? double.NaN : Percentile.Of(finite, 50);
    }
}
