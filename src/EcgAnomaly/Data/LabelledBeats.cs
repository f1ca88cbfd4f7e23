namespace EcgAnomaly.Data;

/// <summary>
/// Beats of equal length with their class labels, as read from one UCR file (or a subset of one).
/// Stored row-major in one array so that it can be handed to a tensor without copying row by row.
/// </summary>
public sealed class LabelledBeats
{
    /// <param name="values">All beats, row-major (taken as is, not copied).</param>
    /// <param name="labels">One class label per beat.</param>
    /// <param name="length">Samples per beat; <paramref name="values"/> must hold exactly labels x length numbers.</param>
    /// <param name="source">Where the beats came from, for messages and model.json.</param>
    public LabelledBeats(float[] values, int[] labels, int length, string source)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(labels);
        if (length <= 0) throw new ArgumentOutOfRangeException(nameof(length), length, "beat length must be positive");
        if (values.Length != labels.Length * length)
            throw new ArgumentException($"values hold {values.Length} numbers, expected {labels.Length} x {length}", nameof(values));
        Values = values;
        Labels = labels;
        Length = length;
        Source = source;
    }

    /// <summary>All beats, row-major: beat i is Values[i*Length .. (i+1)*Length).</summary>
    public float[] Values { get; }

    /// <summary>The class of each beat as written in the file (ECG5000: 1 normal, 2-5 abnormal).</summary>
    public int[] Labels { get; }

    /// <summary>Samples per beat.</summary>
    public int Length { get; }

    /// <summary>Number of beats.</summary>
    public int Count => Labels.Length;

    /// <summary>Where the beats came from (a file path, possibly with a subset description).</summary>
    public string Source { get; }

    /// <summary>The samples of beat <paramref name="index"/> (0-based), without copying.</summary>
    public ReadOnlySpan<float> Beat(int index) => Values.AsSpan(index * Length, Length);

    /// <summary>The beats at the given indices, in that order.</summary>
    public LabelledBeats Select(IReadOnlyList<int> indices, string source)
    {
        var values = new float[indices.Count * Length];
        var labels = new int[indices.Count];
        for (var i = 0; i < indices.Count; i++)
        {
            Beat(indices[i]).CopyTo(values.AsSpan(i * Length, Length));
            labels[i] = Labels[indices[i]];
        }
        return new LabelledBeats(values, labels, Length, source);
    }

    /// <summary>The beats whose class is <paramref name="label"/>, in file order.</summary>
    public LabelledBeats WithLabel(int label) =>
        Select(Enumerable.Range(0, Count).Where(i => Labels[i] == label).ToArray(), $"{Source} (class {label})");
}
