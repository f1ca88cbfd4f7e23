using EcgAnomaly.Signals.Internal;

namespace EcgAnomaly.Signals;

/// <summary>
/// Beat-by-beat comparison of an algorithm's annotations with reference annotations by ANSI/AAMI EC57's rules, as
/// WFDB's bxb implements them (the counts agree with bxb's): beats are paired within the match window, an unmatched
/// reference beat is a miss (o, or x during the algorithm's shutdown), an unmatched detection is an extra beat (O, or
/// X during reference shutdown), and detections inside reference ventricular flutter or fibrillation, between the VFON
/// ([) and VFOFF (]) annotations, are not counted at all; reference beats there are skipped too. bxb marks VF by those
/// two codes only, not by the "(VFL" or "(VF" rhythm notes (MIT-BIH encloses each such rhythm in [ and ]).
/// </summary>
public static class Ec57Comparison
{
    /// <summary>
    /// Compares <paramref name="test"/> with <paramref name="reference"/> over the test period of
    /// <paramref name="options"/>. Both lists must be in time order, as annotation files are; non-beat annotations
    /// other than NOISE and VFON/VFOFF are ignored.
    /// </summary>
    /// <exception cref="ArgumentException">The options' end comes before their start, or the window is negative.</exception>
    public static Ec57Counts Compare(IReadOnlyList<WfdbAnnotation> reference, IReadOnlyList<WfdbAnnotation> test, Ec57Options options)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(test);
        ArgumentNullException.ThrowIfNull(options);
        if (options.MatchWindow < 0)
            throw new ArgumentException($"the match window may not be negative ({options.MatchWindow})", nameof(options));
        if (options.StartSample < 0) throw new ArgumentException($"the start may not be negative ({options.StartSample})", nameof(options));
        if (!options.StopAtEitherEnd && options.EndSample is { } end && (end <= 0 || end < options.StartSample))
            throw new ArgumentException($"improper interval: end {end} is not after start {options.StartSample}", nameof(options));
        return BxbComparator.Run(reference, test, options);
    }
}
