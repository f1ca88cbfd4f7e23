namespace EcgAnomaly.Signals;

/// <summary>
/// One signal line of a WFDB header, with WFDB's defaults filled in: gain 200 when missing or 0, baseline = ADC zero,
/// units mV, ADC resolution by format, initial value = ADC zero, and "record R, signal i" as the description.
/// </summary>
public sealed record WfdbSignalSpec(
    string FileName,
    int Format,
    double Gain,
    int Baseline,
    string Units,
    int AdcResolution,
    int AdcZero,
    int InitialValue,
    int Checksum,
    int BlockSize,
    string Description)
{
    /// <summary>Bytes to skip at the start of the signal file (the <c>+offset</c> suffix of the format field).</summary>
    public long ByteOffset { get; init; }

    /// <summary>
    /// Samples of this signal in each frame (the <c>xN</c> suffix of the format field, 1 when absent): the signal is
    /// sampled at this many times the record's frame frequency.
    /// </summary>
    public int SamplesPerFrame { get; init; } = 1;

    /// <summary>
    /// Frames by which this signal's samples are stored late (the <c>:skew</c> suffix, 0 when absent): sample t of the
    /// signal is stored in frame t + skew, as WFDB's getvec reads it.
    /// </summary>
    public long Skew { get; init; }

    /// <summary>
    /// Whether the header gave a checksum; a missing one reads as 0 and must not be checked. The initial value comes
    /// before the checksum on the line, so it was given too.
    /// </summary>
    public bool HasChecksum { get; init; }

    /// <summary>Physical value in <see cref="Units"/> of a raw ADC value.</summary>
    public float ToPhysical(int adc) => (float)((adc - Baseline) / Gain);
}
