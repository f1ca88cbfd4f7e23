using System.Diagnostics.CodeAnalysis;
using EcgAnomaly.Detection;
using Spectre.Console;

namespace EcgAnomaly.Cli.Options;

/// <summary>
/// The threshold group, <c>--threshold-policy</c>: one option taken by verbs on different branches of the settings
/// classes (train, import, score, record), so its definition is constants, one check and one parser that each uses.
/// Training and import must choose a threshold (default <see cref="Default"/>); score and record override the run's.
/// </summary>
internal static class ThresholdOption
{
    public const string Template = "--threshold-policy <POLICY>";

    public const string Default = "percentile:99";

    public const string Description =
        "How the alarm threshold is chosen: percentile:P, sigma:K (mean + K sd) or fpr:F (target false-alarm rate) "
        + "applied to the validation-normal scores, or a fixed number.";

    public const string OverrideDescription = Description + " Default: the run's own threshold (model.json).";

    public static ValidationResult Validate(string? policy) =>
        policy is null || ThresholdPolicy.TryParse(policy, out _, out var error)
            ? ValidationResult.Success()
            : ValidationResult.Error($"--threshold-policy: {error}");

    /// <summary>The parsed policy; null when not given (score, record: keep the run's). Call after <see cref="Validate"/>.</summary>
    [return: NotNullIfNotNull(nameof(policy))]
    public static ThresholdPolicy? Parse(string? policy) => policy is null ? null : ThresholdPolicy.Parse(policy);
}
