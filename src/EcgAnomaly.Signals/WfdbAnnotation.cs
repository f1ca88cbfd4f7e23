namespace EcgAnomaly.Signals;

/// <summary>
/// One annotation of a WFDB annotation file. <see cref="Sample"/> is the 0-based sample index in the record;
/// <see cref="Channel"/> and <see cref="Number"/> carry over from the previous annotation unless the file changes them.
/// As in WFDB, <see cref="SubType"/> and <see cref="Number"/> range from -128 to 127 and <see cref="Channel"/> from 0 to
/// 255, and <see cref="Symbol"/> is the file's own mnemonic when its header defines one for the code.
/// </summary>
public readonly record struct WfdbAnnotation(long Sample, int Code, string Symbol, int SubType, int Channel, int Number, string? Aux)
{
    /// <summary>True when the code marks a QRS complex (WFDB's isqrs), false for rhythm, noise and other annotations.</summary>
    public bool IsBeat => AnnotationCodes.IsBeat(Code);

    /// <summary>The beat's AAMI EC57 class (N, S, V, F, Q), or null when the annotation is not a beat.</summary>
    public AamiClass? Aami => AnnotationCodes.ToAami(Code);
}
