using System.Text.Json.Serialization;

namespace EcgAnomaly.Ectopy;

/// <summary>Which beats of a recording's first minutes a per-patient model learns from as the patient's normal (in JSON by the names of <see cref="TrainingBeatsNames"/>).</summary>
public enum TrainingBeats
{
    /// <summary>
    /// The beats of the dominant shape (the largest <see cref="BeatShapeClusters"/> cluster): no label needed, and
    /// frequent ectopic beats of another shape are not learnt as normal.
    /// </summary>
    [JsonStringEnumMemberName("dominant")]
    Dominant,

    /// <summary>Every detected beat: no label needed, but frequent ectopic beats are learnt as normal.</summary>
    [JsonStringEnumMemberName("all")]
    All,

    /// <summary>Only beats the reference annotations call AAMI N (needs them; for comparison, not for users).</summary>
    [JsonStringEnumMemberName("annotated-normal")]
    AnnotatedNormal,
}
