namespace EcgAnomaly;

/// <summary>
/// Argument checks with messages that name the valid range. Lives in the Signals assembly, the lowest one; the core
/// reaches it through InternalsVisibleTo, which keeps argument checking out of the package's public API.
/// </summary>
internal static class Preconditions
{
    public static void CheckArgumentRange(string name, int value, int min, int max)
    {
        if (value < min || value > max)
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be between {min} and {max}");
    }

    public static void CheckArgumentRange(string name, double value, double min, double max)
    {
        if (!(value >= min && value <= max))
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be between {min} and {max}");
    }
}
