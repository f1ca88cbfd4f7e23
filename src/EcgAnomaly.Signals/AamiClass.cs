namespace EcgAnomaly.Signals;

/// <summary>The AAMI EC57 beat classes that heartbeat classifiers are compared by.</summary>
public enum AamiClass
{
    /// <summary>Normal and bundle branch block beats (N L R e j B).</summary>
    N,

    /// <summary>Supraventricular ectopic beats (A a J S n).</summary>
    S,

    /// <summary>Ventricular ectopic beats (V E r).</summary>
    V,

    /// <summary>Fusion of ventricular and normal beats (F).</summary>
    F,

    /// <summary>Paced, fusion of paced and normal, and unclassifiable beats (/ f Q ?).</summary>
    Q,
}
