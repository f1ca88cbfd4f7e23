using System.Text.Json;
using EcgAnomaly.RunFolders;
using EcgAnomaly.Signals;

namespace EcgAnomaly.Ectopy;

/// <summary>
/// The population part of the label-free ectopic beat detector: two logistic regressions over
/// <see cref="EctopicFeatures"/> (V against the rest, S against the rest) learned from other patients' labelled beats.
/// A beat is V when its V probability reaches <see cref="VebThreshold"/>, else S when its S probability reaches
/// <see cref="SvebThreshold"/>, else N. <see cref="TrainedOn"/> names the records it learned from, so that an
/// evaluation never scores a patient with a classifier that saw them.
/// </summary>
public sealed record EctopicClassifier
{
    /// <summary>The records whose labelled beats fitted it (database/record).</summary>
    public required IReadOnlyList<string> TrainedOn { get; init; }

    /// <summary><see cref="EctopicFeatures.Layout"/> at fitting time; a file of another layout is refused.</summary>
    public required string Layout { get; init; }

    /// <summary>Weights of the V-against-the-rest regression.</summary>
    public required IReadOnlyList<double> VebWeights { get; init; }

    /// <summary>Weights of the S-against-the-rest regression.</summary>
    public required IReadOnlyList<double> SvebWeights { get; init; }

    /// <summary>V probability from which a beat is V.</summary>
    public required double VebThreshold { get; init; }

    /// <summary>S probability from which a beat that is not V is S.</summary>
    public required double SvebThreshold { get; init; }

    /// <summary>What <c>--ectopy</c> calls <see cref="BuiltIn"/>.</summary>
    public const string BuiltInName = "built-in";

    /// <summary>
    /// The classifier shipped inside the library: fitted by <c>fit-ectopy</c> on the 44 non-paced MIT-BIH Arrhythmia
    /// records of the per-patient run in docs/results/mitdb-per-patient (the same file as ectopy-all.json there), so a
    /// user's recording gets V, S and N labels without a file; <see cref="TrainedOn"/> lists the records it saw.
    /// </summary>
    public static EctopicClassifier BuiltIn => BuiltInClassifier.Value;

    private static readonly Lazy<EctopicClassifier> BuiltInClassifier = new(() =>
    {
        using var stream = typeof(EctopicClassifier).Assembly.GetManifestResourceStream("EcgAnomaly.Ectopy.mitdb-classifier.json")
            ?? throw new InvalidOperationException("the built-in ectopic classifier is missing from the assembly");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd(), BuiltInName);
    });

    /// <summary>Whether it learned from <paramref name="record"/> of <paramref name="database"/> (as fit-ectopy names them).</summary>
    public bool Saw(string database, string record) => TrainedOn.Contains($"{database}/{record}", StringComparer.Ordinal);

    /// <summary>The probabilities and the class of one beat.</summary>
    public (double Veb, double Sveb, AamiClass Class) Classify(EctopicFeatures beat)
    {
        var x = beat.Vector();
        var veb = LogisticRegression.Probability(VebWeights, x);
        var sveb = LogisticRegression.Probability(SvebWeights, x);
        var aami = veb >= VebThreshold ? AamiClass.V : sveb >= SvebThreshold ? AamiClass.S : AamiClass.N;
        return (veb, sveb, aami);
    }

    /// <summary>
    /// Fits both regressions on <paramref name="beats"/> (reference classes N, S and V; others are ignored) and picks
    /// each threshold on the same beats to make the smaller of its class's sensitivity and positive predictivity largest.
    /// </summary>
    /// <exception cref="ArgumentException">No beat of class N, S or V.</exception>
    public static EctopicClassifier Fit(IReadOnlyList<(EctopicFeatures Beat, AamiClass Class)> beats, IReadOnlyList<string> trainedOn)
    {
        ArgumentNullException.ThrowIfNull(beats);
        ArgumentNullException.ThrowIfNull(trainedOn);
        var used = beats.Where(b => b.Class is AamiClass.N or AamiClass.S or AamiClass.V).ToArray();
        if (used.Length == 0) throw new ArgumentException("no beat of class N, S or V to learn from", nameof(beats));
        var x = used.Select(b => b.Beat.Vector()).ToArray();
        var veb = LogisticRegression.Fit(x, [.. used.Select(b => b.Class == AamiClass.V)]);
        var sveb = LogisticRegression.Fit(x, [.. used.Select(b => b.Class == AamiClass.S)]);
        var pv = x.Select(f => LogisticRegression.Probability(veb, f)).ToArray();
        var ps = x.Select(f => LogisticRegression.Probability(sveb, f)).ToArray();
        var vebThreshold = BestThreshold(pv, [.. used.Select(b => b.Class == AamiClass.V)], _ => true);
        var svebThreshold = BestThreshold(ps, [.. used.Select(b => b.Class == AamiClass.S)], i => pv[i] < vebThreshold);
        return new EctopicClassifier
        {
            TrainedOn = [.. trainedOn],
            Layout = EctopicFeatures.Layout,
            VebWeights = veb,
            SvebWeights = sveb,
            VebThreshold = vebThreshold,
            SvebThreshold = svebThreshold,
        };
    }

    /// <summary>Reads a classifier file, checking every field.</summary>
    /// <exception cref="DataFormatException">Missing, malformed, or of another feature layout.</exception>
    public static EctopicClassifier Read(string path)
    {
        if (!File.Exists(path)) throw DataFormatException.MissingFile(path);
        if (new FileInfo(path).Length > 1 << 20)
            throw DataFormatException.Malformed(path, null, "larger than 1 MiB: not a classifier file");
        return Parse(File.ReadAllText(path), path);
    }

    /// <summary>Parses a classifier's JSON; <paramref name="source"/> names it in errors.</summary>
    /// <exception cref="DataFormatException">Malformed, or of another feature layout.</exception>
    public static EctopicClassifier Parse(string json, string source)
    {
        EctopicClassifier? classifier;
        try
        {
            classifier = JsonSerializer.Deserialize<EctopicClassifier>(json, RunJson.Options);
        }
        catch (JsonException e)
        {
            throw DataFormatException.Malformed(source, null, $"not an ectopic classifier: {e.Message.Split('.')[0]}");
        }
        const int size = EctopicFeatures.Count;
        if (classifier is null || classifier.TrainedOn is null || classifier.Layout != EctopicFeatures.Layout
            || classifier.VebWeights?.Count != size || classifier.SvebWeights?.Count != size
            || classifier.VebWeights.Concat(classifier.SvebWeights).Any(w => !double.IsFinite(w))
            || classifier.VebThreshold is not (> 0 and < 1) || classifier.SvebThreshold is not (> 0 and < 1))
            throw DataFormatException.Malformed(source, null,
                $"an ectopic classifier needs trainedOn, layout '{EctopicFeatures.Layout}', {size} finite weights for V and for S "
                + "and thresholds between 0 and 1");
        return classifier;
    }

    private static double BestThreshold(double[] probability, bool[] positive, Func<int, bool> eligible)
    {
        var best = 0.5;
        var bestScore = -1.0;
        for (var t = 0.05; t < 0.999; t += 0.01)
        {
            int tp = 0, fp = 0, fn = 0;
            for (var i = 0; i < probability.Length; i++)
            {
                var flagged = probability[i] >= t && eligible(i);
                if (flagged && positive[i]) tp++;
                else if (flagged) fp++;
                else if (positive[i]) fn++;
            }
            var score = Math.Min(tp / Math.Max(1.0, tp + fn), tp / Math.Max(1.0, tp + fp));
            if (score > bestScore)
            {
                bestScore = score;
                best = t;
            }
        }
        return Math.Round(best, 2);
    }
}
