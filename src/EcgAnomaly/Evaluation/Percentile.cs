namespace EcgAnomaly.Evaluation;

/// <summary>Percentiles with linear interpolation between order statistics (NumPy's default method).</summary>
public static class Percentile
{
    /// <summary>The <paramref name="percent"/>-th percentile (0-100) of <paramref name="values"/>, which need not be sorted.</summary>
    /// <exception cref="ArgumentException">No values, or the percentage is outside 0-100.</exception>
    public static double Of(ReadOnlySpan<double> values, double percent)
    {
        if (values.IsEmpty) throw new ArgumentException("no values", nameof(values));
        Preconditions.CheckArgumentRange(nameof(percent), percent, 0, 100);
        var sorted = values.ToArray();
        Array.Sort(sorted);
        var position = (sorted.Length - 1) * percent / 100.0;
        var lower = (int)Math.Floor(position);
        var upper = Math.Min(lower + 1, sorted.Length - 1);
        return sorted[lower] + (position - lower) * (sorted[upper] - sorted[lower]);
    }
}
