namespace EcgAnomaly.Signals;

/// <summary>
/// One annotation of a WFDB annotation file. <see cref="Sample"/> is the 0-based sample index in the record;
/// <see cref="Channel"/> and <see cref="Number"/> carry over from the previous annotation unless the file changes them.
/// </summary>
public readonly record struct WfdbAnnotation(long Sample, int Code, string Symbol, int SubType, int Channel, int Number, string? Aux)
{
    /// <summary>True when the code marks a QRS complex (WFDB's isqrs), false for rhythm, noise and other annotations.</summary>
    public bool IsBeat => AnnotationCodes.IsBeat(Code);

    /// <summary>The beat's AAMI EC57 class (N, S, V, F, Q), or null when the annotation is not a beat.</summary>
    public AamiClass? Aami => AnnotationCodes.ToAami(Code);
}
