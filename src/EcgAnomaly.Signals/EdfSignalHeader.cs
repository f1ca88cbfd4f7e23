namespace EcgAnomaly.Signals;

/// <summary>
/// The 256 header bytes of one EDF or BDF signal, as the file gives them (text fields trimmed, numbers parsed and
/// checked), including the "EDF Annotations" signals that <see cref="EdfRecording.Signals"/> leaves out.
/// </summary>
/// <param name="Label">The signal's label, e.g. "ECG II" or "EDF Annotations".</param>
/// <param name="TransducerType">The transducer field, e.g. "AgAgCl electrode"; may be empty.</param>
/// <param name="PhysicalDimension">The physical dimension (units) as written, e.g. "uV".</param>
/// <param name="PhysicalMinimum">The physical value of <paramref name="DigitalMinimum"/>.</param>
/// <param name="PhysicalMaximum">The physical value of <paramref name="DigitalMaximum"/>.</param>
/// <param name="DigitalMinimum">The smallest digital value, the calibration's lower point.</param>
/// <param name="DigitalMaximum">The largest digital value, the calibration's upper point.</param>
/// <param name="Prefiltering">The prefiltering field, e.g. "HP:0.1Hz LP:75Hz"; may be empty.</param>
/// <param name="SamplesPerRecord">Samples of this signal in each data record.</param>
public sealed record EdfSignalHeader(
    string Label,
    string TransducerType,
    string PhysicalDimension,
    double PhysicalMinimum,
    double PhysicalMaximum,
    int DigitalMinimum,
    int DigitalMaximum,
    string Prefiltering,
    int SamplesPerRecord)
{
    /// <summary>True for an EDF+ (or BDF+) annotation signal, which holds text, not samples.</summary>
    public bool IsAnnotation => Label is EdfHeader.AnnotationLabel or EdfHeader.BdfAnnotationLabel;

    /// <summary>Physical units (of <see cref="PhysicalDimension"/>) per digital step.</summary>
    public double Step => (PhysicalMaximum - PhysicalMinimum) / ((double)DigitalMaximum - DigitalMinimum);

    /// <summary>The physical value of a digital sample, in <see cref="PhysicalDimension"/>, by the EDF calibration line.</summary>
    public double ToPhysical(int digital) => ((double)digital - DigitalMinimum) * Step + PhysicalMinimum;
}
