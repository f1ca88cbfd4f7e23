using System.Globalization;
using Spectre.Console;

namespace EcgAnomaly.Cli.Internal;

/// <summary>
/// Writes a line of console markup from interpolated parts: numbers in the invariant culture, every string hole escaped,
/// as Spectre's <c>MarkupLineInterpolated(CultureInfo.InvariantCulture, ...)</c> writes a single part. Parts keep long
/// messages within 140-character source lines: two interpolated strings joined with <c>+</c> make a plain string, which
/// no longer converts to a <see cref="FormattableString"/>.
/// </summary>
internal static class InvariantMarkup
{
    public static void MarkupLineInvariant(this IAnsiConsole console, params FormattableString[] parts) =>
        console.MarkupLine(string.Concat(parts.Select(Escaped)));

    private static string Escaped(FormattableString part) =>
        string.Format(
            CultureInfo.InvariantCulture,
            part.Format,
            [.. part.GetArguments().Select(argument => argument is string text ? Markup.Escape(text) : argument)]);
}
