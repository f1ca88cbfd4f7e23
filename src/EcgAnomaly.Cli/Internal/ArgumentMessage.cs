using System.Globalization;
using System.Text.RegularExpressions;

namespace EcgAnomaly.Cli.Internal;

/// <summary>
/// An <see cref="ArgumentException"/> from the library in the CLI's words: its parameter name becomes the flag
/// (<see cref="ParameterFlags"/>), and .NET's developer aids, " (Parameter 'x')" and "Actual value was y.", go; the
/// actual value stays, as "(got y)", the way the CLI's own checks say it.
/// </summary>
internal static class ArgumentMessage
{
    public static string Of(ArgumentException e)
    {
        var message = WithoutDotNetSuffix(e);
        var flag = ParameterFlags.For(e.ParamName);
        if (flag is not null)
        {
            var named = Regex.Replace(message, $@"\b{Regex.Escape(e.ParamName!)}\b", flag);
            message = named != message ? named : $"{flag}: {message}";
        }
        if (e is ArgumentOutOfRangeException { ActualValue: { } actual })
            message += $" (got {Convert.ToString(actual, CultureInfo.InvariantCulture)})";
        return message;
    }

    /// <summary>
    /// The message the library wrote, without what .NET appends. The suffix is computed by .NET itself (the same
    /// exception type with an empty message) so that it matches whatever .NET's wording is.
    /// </summary>
    private static string WithoutDotNetSuffix(ArgumentException e)
    {
        if (string.IsNullOrEmpty(e.ParamName) && e is not ArgumentOutOfRangeException { ActualValue: not null }) return e.Message;
        var suffix = e is ArgumentOutOfRangeException range
            ? new ArgumentOutOfRangeException(range.ParamName, range.ActualValue, "").Message
            : new ArgumentException("", e.ParamName).Message;
        return e.Message.EndsWith(suffix, StringComparison.Ordinal) ? e.Message[..^suffix.Length].TrimEnd() : e.Message;
    }
}
