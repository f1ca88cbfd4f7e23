namespace EcgAnomaly.Signals;

/// <summary>
/// One annotation of a WFDB annotation file. <see cref="Sample"/> is the 0-based sample index in the record;
/// <see cref="Channel"/> and <see cref="Number"/> carry over from the previous annotation unless the file changes them.
/// </summary>
public readonly record struct WfdbAnnotation(long Sample, int Code, string Symbol, int SubType, int Channel, int Number, string? Aux)
{
    public bool IsBeat => AnnotationCodes.IsBeat(Code);

    public AamiClass? Aami => AnnotationCodes.ToAami(Code);
}
