namespace EcgAnomaly.Benchmarking;

/// <summary>Seconds per stage for one long recording, and the memory high-water mark of the full pipeline.</summary>
public sealed record RecordBenchResult(
    double Hours,
    long SamplesPerLead,
    int Leads,
    double SamplingFrequency,
    double ReadSeconds,
    double DetectAndCutSeconds,
    double FullPipelineSeconds,
    int Beats,
    long PeakWorkingSetBytes,
    bool PeakIsForPipelineOnly)
{
    /// <summary>Minutes the full pipeline (read, detect, cut, score) takes per 24 hours of recording.</summary>
    public double MinutesPer24Hours => FullPipelineSeconds / 60 * (24 / Hours);
}
