using EcgAnomaly.Data;

namespace EcgAnomaly.Detection;

/// <summary>
/// What a detector does to beats before its model sees them: per-beat normalisation as its model.json names it
/// (<see cref="BeatNormalisation"/>), and whether beats of another length are resampled to the model's (otherwise they
/// are refused).
/// </summary>
public sealed record BeatPreprocessing
{
    /// <param name="normalisation">One of <see cref="BeatNormalisation.Names"/>.</param>
    /// <param name="resample">Whether beats of another length are linearly resampled to the model's.</param>
    /// <exception cref="ArgumentException">The normalisation is unknown.</exception>
    public BeatPreprocessing(string normalisation = BeatNormalisation.None, bool resample = false)
    {
        if (!BeatNormalisation.Names.Contains(normalisation))
            throw new ArgumentException(
                $"unknown normalisation '{normalisation}' (expected one of {string.Join(", ", BeatNormalisation.Names)})",
                nameof(normalisation));
        Normalisation = normalisation;
        Resample = resample;
    }

    /// <summary>No normalisation (ECG5000's beats are already z-normalised), no resampling.</summary>
    public static BeatPreprocessing None { get; } = new();

    /// <summary>Each beat to mean 0 and sample standard deviation 1, as ECG5000 was made (beats cut from recordings).</summary>
    public static BeatPreprocessing ZScore { get; } = new(BeatNormalisation.ZScore);

    /// <summary>The per-beat normalisation, one of <see cref="BeatNormalisation.Names"/>.</summary>
    public string Normalisation { get; }

    /// <summary>Whether beats of another length are linearly resampled to the model's (otherwise they are refused).</summary>
    public bool Resample { get; init; }

    /// <summary>
    /// <paramref name="beats"/> (row-major, <paramref name="beatLength"/> samples each) as the model takes them:
    /// <paramref name="modelLength"/> samples each, normalised, in a new array; null when nothing is to be done (the
    /// input is then what the model takes). The input is never changed.
    /// </summary>
    /// <exception cref="ArgumentException">The lengths differ and resampling is off, or the values are not whole beats.</exception>
    public float[]? Apply(ReadOnlySpan<float> beats, int beatLength, int modelLength)
    {
        Preconditions.CheckArgumentRange(nameof(beatLength), beatLength, 1, int.MaxValue);
        if (beats.Length % beatLength != 0)
            throw new ArgumentException($"{beats.Length} values are not a whole number of beats of {beatLength} samples", nameof(beats));
        if (!Accepts(beatLength, modelLength))
            throw new ArgumentException(
                $"beats have {beatLength} samples but the model expects {modelLength}, and resampling is off", nameof(beats));
        var count = beats.Length / beatLength;
        float[]? copy = null;
        if (beatLength != modelLength) copy = BeatBatchReader.Resample(beats, count, beatLength, modelLength);
        if (Normalisation == BeatNormalisation.None) return copy;
        copy ??= beats.ToArray();
        BeatNormalisation.Apply(Normalisation, copy, count, modelLength);
        return copy;
    }

    /// <summary>Whether beats of <paramref name="beatLength"/> samples can be given to a model of <paramref name="modelLength"/>.</summary>
    public bool Accepts(int beatLength, int modelLength) => beatLength == modelLength || (Resample && beatLength > 1);
}
