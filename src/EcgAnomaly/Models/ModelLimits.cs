namespace EcgAnomaly.Models;

/// <summary>
/// The largest model this tool builds, checked on every spec (from the command line or a model.json) before anything
/// is allocated: sizes each inside their ranges can still multiply into a model no machine holds (transformer-ae of
/// width 4,096, feed-forward 65,536 and 64 layers), or a beat so long that training one batch needs tens of GB
/// (LSTM training on 100,000-sample beats used over 12 GB; the study's Transformer attends over every sample).
/// </summary>
public static class ModelLimits
{
    /// <summary>Trainable parameters: 50,000,000 (200 MB of float32 weights; the catalogue's largest has 3.9 million).</summary>
    public const long MaxParameters = 50_000_000;

    /// <summary>Samples per beat: 10,000 (10 s at 1 kHz; ECG5000's beats have 140).</summary>
    public const int MaxBeatLength = InputLimits.MaxBeatSamples;

    /// <summary>
    /// Working memory per beat, in bytes: 128 MiB of activations kept for the backward pass (a training batch of 32
    /// beats then stays under 4 GiB). The study's Transformer [4,512,4,2] on 140-sample beats needs about 9 MiB.
    /// </summary>
    public const long MaxWorkingBytesPerBeat = 128L << 20;
}
