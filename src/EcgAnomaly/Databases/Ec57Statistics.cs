using EcgAnomaly.Signals;

namespace EcgAnomaly.Databases;

/// <summary>
/// The statistics EC57 reports, as fractions from 0 to 1 (null where undefined: no reference beat of the kind, no
/// detection of it): one record's, the gross ones of the pooled counts, or the average of the records' own values.
/// </summary>
public sealed record Ec57Statistics
{
    /// <summary>QRS sensitivity.</summary>
    public double? QrsSensitivity { get; init; }

    /// <summary>QRS positive predictivity.</summary>
    public double? QrsPositivePredictivity { get; init; }

    /// <summary>VEB sensitivity.</summary>
    public double? VebSensitivity { get; init; }

    /// <summary>VEB positive predictivity.</summary>
    public double? VebPositivePredictivity { get; init; }

    /// <summary>VEB false positive rate.</summary>
    public double? VebFalsePositiveRate { get; init; }

    /// <summary>SVEB sensitivity.</summary>
    public double? SvebSensitivity { get; init; }

    /// <summary>SVEB positive predictivity.</summary>
    public double? SvebPositivePredictivity { get; init; }

    /// <summary>SVEB false positive rate.</summary>
    public double? SvebFalsePositiveRate { get; init; }

    /// <summary>RMS RR interval error in ms.</summary>
    public double? RmsRrErrorMs { get; init; }

    /// <summary>The statistics of one set of counts (one record's, or the gross statistics of a sum).</summary>
    public static Ec57Statistics Of(Ec57Counts counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        return new Ec57Statistics
        {
            QrsSensitivity = counts.QrsSensitivity,
            QrsPositivePredictivity = counts.QrsPositivePredictivity,
            VebSensitivity = counts.VebSensitivity,
            VebPositivePredictivity = counts.VebPositivePredictivity,
            VebFalsePositiveRate = counts.VebFalsePositiveRate,
            SvebSensitivity = counts.SvebSensitivity,
            SvebPositivePredictivity = counts.SvebPositivePredictivity,
            SvebFalsePositiveRate = counts.SvebFalsePositiveRate,
            RmsRrErrorMs = counts.RmsRrErrorMs,
        };
    }

    /// <summary>EC57's average statistics (sumstats' "Average" line): each the mean over the records where it is defined.</summary>
    public static Ec57Statistics Average(IReadOnlyList<Ec57Counts> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        return new Ec57Statistics
        {
            QrsSensitivity = Ec57Counts.Average(records, c => c.QrsSensitivity),
            QrsPositivePredictivity = Ec57Counts.Average(records, c => c.QrsPositivePredictivity),
            VebSensitivity = Ec57Counts.Average(records, c => c.VebSensitivity),
            VebPositivePredictivity = Ec57Counts.Average(records, c => c.VebPositivePredictivity),
            VebFalsePositiveRate = Ec57Counts.Average(records, c => c.VebFalsePositiveRate),
            SvebSensitivity = Ec57Counts.Average(records, c => c.SvebSensitivity),
            SvebPositivePredictivity = Ec57Counts.Average(records, c => c.SvebPositivePredictivity),
            SvebFalsePositiveRate = Ec57Counts.Average(records, c => c.SvebFalsePositiveRate),
            RmsRrErrorMs = Ec57Counts.Average(records, c => c.RmsRrErrorMs),
        };
    }
}
