namespace EcgAnomaly.Signals.Internal;

/// <summary>
/// Voltages are presented in millivolts whatever an EDF file stores them in: ECG in EDF is usually in µV, while
/// WFDB's ECG and the models trained on MIT-BIH beats are in mV, so one scale keeps thresholds and plots comparable.
/// </summary>
internal static class EdfUnits
{
    /// <summary>The units every voltage is converted to.</summary>
    public const string Millivolts = "mV";

    /// <summary>The factor that turns a value in <paramref name="dimension"/> into mV, or null when it is not a voltage.</summary>
    public static double? ToMillivolts(string dimension) => dimension.Trim() switch
    {
        "nV" => 1e-6,
        // "u", the micro sign (U+00B5, Latin-1 0xB5) and Greek mu (U+03BC) all mean micro.
        "uV" or "\u00B5V" or "\u03BCV" => 1e-3,
        "mV" => 1,
        "V" => 1e3,
        "kV" => 1e6,
        _ => null,
    };
}
