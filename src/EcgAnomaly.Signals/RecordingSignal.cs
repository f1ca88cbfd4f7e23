namespace EcgAnomaly.Signals;

/// <summary>
/// One signal of a recording as a reader of any format presents it: its description (the lead name for ECG), its
/// physical units, and its own sampling frequency and length (signals of one recording may be sampled at different
/// rates).
/// </summary>
/// <param name="Description">The signal's label in the file, e.g. "MLII", "ECG II" or "ABP"; may be empty.</param>
/// <param name="Units">Physical units of the values <see cref="EcgRecording.ReadSignal"/> returns, e.g. "mV".</param>
/// <param name="SamplingFrequency">Samples per second of this signal, in Hz.</param>
/// <param name="SampleCount">Samples of this signal in the whole recording.</param>
public sealed record RecordingSignal(string Description, string Units, double SamplingFrequency, long SampleCount);
