namespace EcgAnomaly;

/// <summary>
/// The bounds every reader checks before it allocates, so that a small hostile file is refused in one line instead
/// of exhausting memory. README.md's "Bad input and limits" lists them with the model limits.
/// </summary>
public static class InputLimits
{
    /// <summary>Characters in one line of a text input (a CSV or UCR row, a header line): 1,000,000.</summary>
    public const int MaxLineLength = 1_000_000;

    /// <summary>Samples in one beat (values in one row, a model's beat length): 10,000, 10 s at 1 kHz.</summary>
    public const int MaxBeatSamples = 10_000;

    /// <summary>Bytes of a WFDB header (.hea): 1 MiB (PhysioNet's headers are a few hundred bytes).</summary>
    public const int MaxHeaderBytes = 1 << 20;

    /// <summary>
    /// Bytes of a WFDB annotation file (.atr), which is read whole: 1 GiB (a day of MIT-BIH beats takes about 250 KB).
    /// </summary>
    public const int MaxAnnotationBytes = 1 << 30;

    /// <summary>Signals declared by one WFDB or EDF header: 1,000.</summary>
    public const int MaxSignals = 1_000;

    /// <summary>Samples per signal a WFDB header may declare: 10,000,000,000 (115 days at 1 kHz).</summary>
    public const long MaxSamplesPerSignal = 10_000_000_000;

    /// <summary>
    /// Samples of all signals in one WFDB frame (the sum of the signals' <c>xN</c> samples per frame): 100,000. A frame is
    /// decoded whole, so this bounds the buffer one chunk of frames needs.
    /// </summary>
    public const int MaxSamplesPerFrame = 100_000;

    /// <summary>
    /// Samples of all signals together that a WFDB record of null signals only (format 0, no signal file) may claim:
    /// 10,000,000. Such a record reads as NaN without any file behind it, so without this bound a header of a few bytes
    /// could ask for hours of work (WFDB's own null record holds 3,600).
    /// </summary>
    public const long MaxNullRecordSamples = 10_000_000;

    /// <summary>Segments listed by one multi-segment WFDB header: 100,000 (MIMIC's longest records have a few thousand).</summary>
    public const int MaxSegments = 100_000;

    /// <summary>Sampling frequency a WFDB header may declare, in Hz: 1,000,000.</summary>
    public const double MaxSamplingFrequency = 1_000_000;

    /// <summary>
    /// Bytes of one EDF or BDF data record (all signals' samples): 64 MiB. The EDF specification asks for at most
    /// 61,440; readers hold one signal's share of a record at a time.
    /// </summary>
    public const long MaxEdfRecordBytes = 1 << 26;

    /// <summary>Annotations and data-record start times an EDF+ file's annotation signals may hold: 10,000,000 each.</summary>
    public const int MaxEdfAnnotations = 10_000_000;

    /// <summary>Minutes of a recording anywhere they are given (--minutes, --from, model.json's record block): 1,000,000.</summary>
    public const double MaxRecordMinutes = 1_000_000;
}
