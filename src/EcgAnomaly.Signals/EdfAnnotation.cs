namespace EcgAnomaly.Signals;

/// <summary>One annotation of an EDF+ Time-stamped Annotation List.</summary>
/// <param name="Onset">Seconds from the file's start date and time (may be negative).</param>
/// <param name="Duration">Seconds the event lasts, or null when the TAL gives none.</param>
/// <param name="Text">The annotation's text (UTF-8 in the file), e.g. "Sleep stage W" or a beat label such as "N".</param>
public readonly record struct EdfAnnotation(double Onset, double? Duration, string Text);
