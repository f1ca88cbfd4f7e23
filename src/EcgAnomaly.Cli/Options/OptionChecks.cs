using Spectre.Console;

namespace EcgAnomaly.Cli.Options;

/// <summary>Combines the checks of a verb's option groups: the first failure wins, so the user sees one line.</summary>
internal static class OptionChecks
{
    public static ValidationResult FirstError(params ReadOnlySpan<ValidationResult> results)
    {
        foreach (var result in results)
            if (!result.Successful) return result;
        return ValidationResult.Success();
    }
}
