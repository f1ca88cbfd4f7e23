using System.Globalization;
using EcgAnomaly.Evaluation;

namespace EcgAnomaly.Detection;

/// <summary>
/// How the alarm threshold is chosen from the scores of validation-normal beats, never from test labels:
/// <c>percentile:99</c> (default), <c>sigma:3</c> (mean + k standard deviations), <c>fpr:0.01</c> (target
/// false-alarm rate on validation normals) or a fixed number.
/// </summary>
/// <param name="Kind">How the threshold is derived.</param>
/// <param name="Value">P (0-100) for a percentile, K (&gt;= 0) for sigma, F (0-1) for a false-alarm rate, else the threshold.</param>
public sealed record ThresholdPolicy(ThresholdPolicyKind Kind, double Value)
{
    /// <summary>The 99th percentile of the validation-normal scores (about 1 % false alarms on normal beats).</summary>
    public static ThresholdPolicy Default { get; } = new(ThresholdPolicyKind.Percentile, 99);

    /// <summary>The accepted forms, for help texts and error messages.</summary>
    public const string Syntax = "percentile:P (0-100), sigma:K (K >= 0), fpr:F (0-1) or a fixed number";

    /// <summary>The policy in the form <see cref="Parse"/> reads ("percentile:99", "sigma:3", "fpr:0.01" or a number).</summary>
    public override string ToString() => Kind switch
    {
        ThresholdPolicyKind.Percentile => $"percentile:{Value.ToString(CultureInfo.InvariantCulture)}",
        ThresholdPolicyKind.Sigma => $"sigma:{Value.ToString(CultureInfo.InvariantCulture)}",
        ThresholdPolicyKind.FalseAlarmRate => $"fpr:{Value.ToString(CultureInfo.InvariantCulture)}",
        _ => Value.ToString("R", CultureInfo.InvariantCulture),
    };

    /// <summary>Reads a policy as <see cref="Syntax"/> describes it (case-insensitive, invariant culture).</summary>
    /// <param name="text">The text to read.</param>
    /// <param name="policy">The policy read, or <see cref="Default"/> when the text is not one.</param>
    /// <param name="error">Why the text is not a policy (one line naming the accepted forms), or empty on success.</param>
    /// <returns>True when the text is a valid policy.</returns>
    public static bool TryParse(string? text, out ThresholdPolicy policy, out string error)
    {
        policy = Default;
        error = "";
        if (string.IsNullOrWhiteSpace(text)) { error = $"empty threshold policy (expected {Syntax})"; return false; }
        var parts = text.Trim().Split(':', 2);
        if (parts.Length == 1)
        {
            if (double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var fixedValue)
                && double.IsFinite(fixedValue))
            {
                policy = new ThresholdPolicy(ThresholdPolicyKind.Fixed, fixedValue);
                return true;
            }
            error = $"unknown threshold policy '{text}' (expected {Syntax})";
            return false;
        }
        if (!double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            error = $"threshold policy '{text}': '{parts[1]}' is not a number";
            return false;
        }
        (ThresholdPolicyKind Kind, bool Valid)? parsed = parts[0].ToLowerInvariant() switch
        {
            "percentile" => (ThresholdPolicyKind.Percentile, value is >= 0 and <= 100),
            "sigma" => (ThresholdPolicyKind.Sigma, value >= 0),
            "fpr" => (ThresholdPolicyKind.FalseAlarmRate, value is >= 0 and <= 1),
            _ => null,
        };
        if (parsed is null) { error = $"unknown threshold policy '{parts[0]}' (expected {Syntax})"; return false; }
        if (!parsed.Value.Valid) { error = $"threshold policy '{text}' is out of range (expected {Syntax})"; return false; }
        policy = new ThresholdPolicy(parsed.Value.Kind, value);
        return true;
    }

    /// <summary>Reads a policy as <see cref="TryParse"/> does.</summary>
    /// <exception cref="FormatException">The text is not a policy; the message says why.</exception>
    public static ThresholdPolicy Parse(string text) =>
        TryParse(text, out var policy, out var error) ? policy : throw new FormatException(error);

    /// <summary>The threshold for these validation-normal scores; a beat scoring above it is abnormal.</summary>
    public double Choose(ReadOnlySpan<double> validationNormalScores)
    {
        if (Kind == ThresholdPolicyKind.Fixed) return Value;
        if (validationNormalScores.IsEmpty)
            throw new ArgumentException("no validation scores to choose a threshold from", nameof(validationNormalScores));
        switch (Kind)
        {
            case ThresholdPolicyKind.Percentile:
                return Percentile.Of(validationNormalScores, Value);
            case ThresholdPolicyKind.FalseAlarmRate:
                return Percentile.Of(validationNormalScores, 100 * (1 - Value));
            default:
                double mean = 0, squares = 0;
                foreach (var s in validationNormalScores) mean += s;
                mean /= validationNormalScores.Length;
                foreach (var s in validationNormalScores) squares += (s - mean) * (s - mean);
                return mean + Value * Math.Sqrt(squares / validationNormalScores.Length);
        }
    }
}
