namespace EcgAnomaly.Data;

/// <summary>
/// What a bundle does to each beat before scoring, as named in model.json: "none" (ECG5000's beats are already
/// z-normalised) or "z-score" (each beat to mean 0 and sample standard deviation 1, as ECG5000 was made).
/// </summary>
public static class BeatNormalisation
{
    /// <summary>Beats are scored as given.</summary>
    public const string None = "none";

    /// <summary>Each beat is shifted and scaled to mean 0 and sample standard deviation 1.</summary>
    public const string ZScore = "z-score";

    /// <summary>Every name model.json may give, for messages and validation.</summary>
    public static IReadOnlyList<string> Names { get; } = [None, ZScore];

    /// <summary>Normalises each of <paramref name="count"/> beats of <paramref name="length"/> samples in place.</summary>
    public static void Apply(string mode, Span<float> values, int count, int length)
    {
        if (mode == None) return;
        if (mode != ZScore)
            throw new ArgumentOutOfRangeException(
                nameof(mode), mode, $"unknown normalisation (expected one of {string.Join(", ", Names)})");
        for (var b = 0; b < count; b++)
        {
            var beat = values.Slice(b * length, length);
            double mean = 0, squares = 0;
            foreach (var v in beat) mean += v;
            mean /= length;
            foreach (var v in beat) squares += (v - mean) * (v - mean);
            // The sample standard deviation (n - 1): ECG5000's beats have exactly 1 under it (0.9964 under n).
            var sd = length > 1 ? Math.Sqrt(squares / (length - 1)) : 0;
            // A flat beat has no shape to compare; centring it is all that can be done.
            var scale = sd > 1e-8 ? 1 / sd : 1;
            for (var i = 0; i < length; i++) beat[i] = (float)((beat[i] - mean) * scale);
        }
    }
}
