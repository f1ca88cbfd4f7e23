using EcgAnomaly.Ectopy;
using Spectre.Console;

namespace EcgAnomaly.Cli.Options;

/// <summary>
/// <c>--training-beats dominant|all</c> and <c>--only-normal</c> (annotated-normal), shared by <c>train --record</c> and
/// <c>evaluate-database --detector per-patient</c>.
/// </summary>
internal static class TrainingBeatsOption
{
    public const string Template = "--training-beats <BEATS>";

    public const string Description =
        "Which beats of the first minutes are this patient's normal: dominant (default; the beats of the most frequent shape, "
        + "no label needed, so frequent ectopic beats of another shape are not learnt as normal) or all (every detected beat). "
        + "--only-normal takes the beats the reference annotations call AAMI N instead.";

    /// <summary>The choice the two options make; call after <see cref="Validate"/>.</summary>
    public static TrainingBeats Resolve(string? name, bool onlyNormal) =>
        onlyNormal ? TrainingBeats.AnnotatedNormal : name is null ? TrainingBeats.Dominant : TrainingBeatsNames.Parse(name);

    /// <summary>An unknown name, annotated-normal spelt out, or both options given, as a one-line error.</summary>
    public static ValidationResult Validate(string? name, bool onlyNormal)
    {
        if (name is null) return ValidationResult.Success();
        if (onlyNormal) return ValidationResult.Error("--training-beats and --only-normal exclude each other");
        try
        {
            return TrainingBeatsNames.Parse(name) == TrainingBeats.AnnotatedNormal
                ? ValidationResult.Error("--training-beats: annotated-normal is spelt --only-normal")
                : ValidationResult.Success();
        }
        catch (FormatException)
        {
            return ValidationResult.Error($"--training-beats: unknown value '{name}' (expected dominant or all)");
        }
    }
}
