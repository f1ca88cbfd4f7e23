using System.Globalization;

namespace EcgAnomaly.Signals;

/// <summary>
/// Which stretch of signal around an R peak becomes one beat.
/// <list type="bullet">
/// <item><c>rr</c> (the default): one RR interval, from just before this R peak to just before the next, placed so
/// that the R peak lands on sample 3 of 140. That is how ECG5000's beats look (its mean normal beat has its QRS
/// extremum at index 3 and spans one cardiac cycle, each beat stretched to 140 samples), so models trained on
/// ECG5000 see recording beats in the same frame, and a premature or late next beat changes the shape the model sees.
/// The interval is clipped to 0.3-2.0 s so that a missed beat does not squeeze two cycles into one; the last beat
/// of a recording uses the interval before it.</item>
/// <item><c>fixed:B,A</c>: B seconds before the R peak to A seconds after it (for example fixed:0.25,0.45, common in
/// the MIT-BIH beat-classification literature): shape only, independent of the rhythm.</item>
/// </list>
/// </summary>
/// <param name="Kind"><see cref="RrKind"/> or <see cref="FixedKind"/>.</param>
/// <param name="Before">Seconds of signal before the R peak (<c>fixed</c> only; 0 for <c>rr</c>).</param>
/// <param name="After">Seconds of signal after the R peak (<c>fixed</c> only; 0 for <c>rr</c>).</param>
public sealed record BeatWindow(string Kind, double Before, double After)
{
    /// <summary>The kind of a window of one RR interval.</summary>
    public const string RrKind = "rr";

    /// <summary>The kind of a window of fixed seconds around the R peak.</summary>
    public const string FixedKind = "fixed";

    /// <summary>Sample of the R peak within an <c>rr</c> beat, as in ECG5000's beats.</summary>
    public const int RrPeakIndex = 3;

    /// <summary>Shortest RR interval an <c>rr</c> beat spans, in seconds (shorter intervals are stretched to it).</summary>
    public const double MinimumRr = 0.3;

    /// <summary>Longest RR interval an <c>rr</c> beat spans, in seconds (a missed beat does not make a beat of two cycles).</summary>
    public const double MaximumRr = 2.0;

    /// <summary>The default window: one RR interval, R peak on sample <see cref="RrPeakIndex"/>.</summary>
    public static BeatWindow Rr { get; } = new(RrKind, 0, 0);

    /// <summary>A window from <paramref name="before"/> seconds before the R peak to <paramref name="after"/> seconds after it.</summary>
    public static BeatWindow Fixed(double before, double after) => new(FixedKind, before, after);

    /// <summary>True for an <c>rr</c> window.</summary>
    public bool IsRr => Kind == RrKind;

    /// <summary>The window as <see cref="Parse"/> reads it: "rr" or "fixed:B,A".</summary>
    public override string ToString() =>
        IsRr ? RrKind : string.Create(CultureInfo.InvariantCulture, $"{FixedKind}:{Before:0.###},{After:0.###}");

    /// <summary>Parses "rr" or "fixed:B,A" (seconds); throws FormatException with the accepted forms otherwise.</summary>
    public static BeatWindow Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var t = text.Trim().ToLowerInvariant();
        if (t == RrKind) return Rr;
        if (t.StartsWith(FixedKind + ":", StringComparison.Ordinal))
        {
            var parts = t[(FixedKind.Length + 1)..].Split(',');
            if (parts.Length == 2
                && double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var before)
                && double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var after)
                && before >= 0 && after > 0 && before + after <= 5)
                return Fixed(before, after);
        }
        throw new FormatException(
            $"unknown beat window '{text}' (expected 'rr' or 'fixed:B,A' with seconds before and after the R peak, e.g. fixed:0.25,0.45)");
    }
}
