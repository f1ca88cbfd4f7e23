namespace EcgAnomaly.Ectopy;

/// <summary>
/// The patient-normalised description of one beat that the population classifier reads: nothing in it depends on the
/// patient's own amplitude, heart rate or sampling rate, so weights learned on other patients carry over.
/// </summary>
/// <param name="ErrorRatio">The beat's reconstruction error over its patient model's threshold.</param>
/// <param name="QrsCorrelation">Correlation of its QRS with the patient's dominant QRS shape (-1 to 1; NaN when unknown).</param>
/// <param name="Rhythm">Its RR intervals and local rhythm.</param>
/// <param name="Group">The rhythm of its QRS shape group over the scored stretch.</param>
public readonly record struct EctopicFeatures(double ErrorRatio, double QrsCorrelation, BeatRhythm Rhythm, ShapeGroupRhythm Group)
{
    /// <summary>The version of <see cref="Vector"/>'s layout, kept in the classifier's file.</summary>
    public const string Layout = "v4: 1, ln(error ratio), 1 - QRS correlation, ln(prematurity), ln(pause), "
        + "ln(error ratio) x ln(prematurity), ln(group prematurity), ln(group pause), ln(group share), ln(error ratio) x ln(group share), "
        + "ln(slow prematurity), ln(irregularity + 0.01), ln(irregularity + 0.01) x ln(prematurity)";

    /// <summary>Values in <see cref="Vector"/>.</summary>
    public const int Count = 13;

    /// <summary>Values of the layout; unknown rhythm, group or correlation count as an ordinary beat's (ratios 1, correlation 1).</summary>
    public double[] Vector()
    {
        var error = Math.Log(Math.Max(ErrorRatio, 1e-6));
        var correlation = double.IsFinite(QrsCorrelation) ? QrsCorrelation : 1;
        var prematurity = Ln(Rhythm.Prematurity);
        var pause = Ln(Rhythm.Pause);
        // The largest shape group over the whole stretch is the patient's normal whatever the first minutes held (a
        // conduction change, MIT-BIH 207); a small group is rare. Unknown counts as the largest.
        var share = double.IsFinite(Group.Share) && Group.Share > 0 ? Math.Log(Math.Max(Group.Share, 0.001)) : 0;
        // An early beat in a regular rhythm is ectopic; in atrial fibrillation every other beat is early. Unknown
        // irregularity counts as a regular rhythm's.
        var irregularity = Math.Log(Math.Clamp(double.IsFinite(Rhythm.Irregularity) ? Rhythm.Irregularity + 0.01 : 0.01, 0.01, 5));
        return
        [
            1, error, 1 - correlation, prematurity, pause, error * prematurity, Ln(Group.Prematurity), Ln(Group.Pause), share,
            error * share, Ln(Rhythm.SlowPrematurity), irregularity, irregularity * prematurity,
        ];
    }

    private static double Ln(double ratio) => double.IsFinite(ratio) && ratio > 0 ? Math.Log(Math.Clamp(ratio, 0.05, 20)) : 0;
}
