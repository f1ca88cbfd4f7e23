namespace EcgAnomaly.Signals;

/// <summary>
/// The labels WFDB's bxb pairs beats by (ANSI/AAMI EC57): the five beat classes, and the two pseudo-beats that stand
/// for "no beat here" in the other annotation list.
/// </summary>
public enum Ec57Label
{
    /// <summary>Normal and bundle branch block beats (N L R B).</summary>
    N,

    /// <summary>Supraventricular ectopic beats (A a J S j e n); bxb's standard report counts them with N.</summary>
    S,

    /// <summary>Ventricular ectopic beats (V E r).</summary>
    V,

    /// <summary>Fusion of ventricular and normal beats (F).</summary>
    F,

    /// <summary>Unclassifiable beats, and paced, paced-fusion and learning beats (Q / f ?).</summary>
    Q,

    /// <summary>No matching beat outside shutdown: a missed beat (algorithm column) or an extra detection (reference row).</summary>
    O,

    /// <summary>No matching beat during shutdown (a NOISE annotation whose subtype has bits 4 and 5 set).</summary>
    X,
}
