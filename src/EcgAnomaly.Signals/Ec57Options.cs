namespace EcgAnomaly.Signals;

/// <summary>
/// How <see cref="Ec57Comparison.Compare"/> compares two annotation lists; the defaults are bxb's and EC57's: a
/// 150 ms match window and a test period that starts 5 minutes into the record (the algorithm's learning period).
/// </summary>
public sealed record Ec57Options
{
    /// <summary>Options for a record sampled at <paramref name="samplingFrequency"/> Hz, with bxb's defaults.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The frequency is not positive and finite.</exception>
    public Ec57Options(double samplingFrequency)
    {
        Preconditions.CheckArgumentRange(nameof(samplingFrequency), samplingFrequency, double.Epsilon, double.MaxValue);
        SamplingFrequency = samplingFrequency;
        MatchWindow = SamplesIn(0.15);
        StartSample = SamplesIn(5 * 60);
    }

    /// <summary>Samples per second of the record, which turns bxb's times into samples.</summary>
    public double SamplingFrequency { get; }

    /// <summary>
    /// Largest distance, in samples, between a reference beat and the detection paired with it; 150 ms by default,
    /// rounded half up as WFDB's strtim does (0.15 s is 54 samples at 360 Hz, 38 at 250 Hz).
    /// </summary>
    public long MatchWindow { get; init; }

    /// <summary>First sample of the test period (bxb's -f); 5 minutes by default. Use 0 to compare the whole record.</summary>
    public long StartSample { get; init; }

    /// <summary>
    /// Last sample of the test period (bxb's -t, by default the record's length); null compares until the reference
    /// annotations end, as bxb does when the record's length is unknown.
    /// </summary>
    public long? EndSample { get; init; }

    /// <summary>Stop at the end of whichever annotation list ends first (bxb's "-t 0"); <see cref="EndSample"/> is then ignored.</summary>
    public bool StopAtEitherEnd { get; init; }

    /// <summary>The samples WFDB's strtim gives for <paramref name="seconds"/>: seconds times frequency, rounded half up.</summary>
    public long SamplesIn(double seconds) => (long)(seconds * SamplingFrequency + 0.5);
}
