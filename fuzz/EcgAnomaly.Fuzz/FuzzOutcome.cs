namespace EcgAnomaly.Fuzz;

/// <summary>How a parser ended on one input, when it ended as it may.</summary>
public enum FuzzOutcome
{
    /// <summary>The input was read (and, for records, every sample decoded).</summary>
    Parsed,

    /// <summary>The parser refused the input with a <see cref="DataFormatException"/>.</summary>
    Refused,
}
