namespace EcgAnomaly.Data;

/// <summary>
/// Normal beats to train on, normal beats to validate on (early stopping, thresholds), and a labelled test set.
/// Test labels keep their classes; <see cref="IsAbnormal"/> maps them to the binary task.
/// </summary>
public sealed record DataSplit(LabelledBeats Train, LabelledBeats Validation, LabelledBeats Test, int NormalClass)
{
    /// <summary>Share of the normal beats kept for validation (the study's 75/25 split).</summary>
    public const double DefaultValidationFraction = 0.25;

    /// <summary>1 for an abnormal test beat, 0 for a normal one (abnormal is the positive class).</summary>
    public int[] TestBinaryLabels() => Test.Labels.Select(l => IsAbnormal(l) ? 1 : 0).ToArray();

    /// <summary>True for every class but <see cref="NormalClass"/>.</summary>
    public bool IsAbnormal(int label) => label != NormalClass;

    /// <summary>The split of ECG5000 under <paramref name="protocol"/>.</summary>
    public static DataSplit FromEcg5000(
        Ecg5000 data, EvaluationProtocol protocol, int seed, double validationFraction = DefaultValidationFraction)
    {
        ArgumentNullException.ThrowIfNull(data);
        return protocol switch
        {
            EvaluationProtocol.Seed => FromFiles(data.Test, data.Train, normalClass: 1, seed, validationFraction),
            EvaluationProtocol.Official => FromFiles(data.Train, data.Test, normalClass: 1, seed, validationFraction),
            _ => throw new ArgumentOutOfRangeException(nameof(protocol), protocol, "unknown protocol"),
        };
    }

    /// <summary>
    /// Normal beats of <paramref name="pool"/> shuffled with <paramref name="seed"/> and split; the validation part
    /// has ceil(n x fraction) beats, as scikit-learn's train_test_split sizes it (2,627 normals: 1,970 / 657).
    /// </summary>
    public static DataSplit FromFiles(
        LabelledBeats pool, LabelledBeats test, int normalClass, int seed, double validationFraction = DefaultValidationFraction)
    {
        ArgumentNullException.ThrowIfNull(pool);
        ArgumentNullException.ThrowIfNull(test);
        if (validationFraction is <= 0 or >= 1)
            throw new ArgumentOutOfRangeException(nameof(validationFraction), validationFraction, "must be between 0 and 1 (exclusive)");
        if (pool.Length != test.Length)
            throw new ArgumentException($"training beats have {pool.Length} samples but test beats have {test.Length}", nameof(test));
        var normals = Enumerable.Range(0, pool.Count).Where(i => pool.Labels[i] == normalClass).ToArray();
        if (normals.Length < 2)
            throw DataFormatException.Malformed(
                pool.Source, null, $"fewer than two beats of the normal class {normalClass} to train and validate on");
        // System.Random with a seed is a fixed algorithm in .NET, so the split is stable across runs and machines.
        new Random(seed).Shuffle(normals);
        var validationCount = Math.Clamp((int)Math.Ceiling(normals.Length * validationFraction), 1, normals.Length - 1);
        var validation = normals[..validationCount];
        var train = normals[validationCount..];
        return new DataSplit(
            pool.Select(train, $"{pool.Source} (class {normalClass}, train part, seed {seed})"),
            pool.Select(validation, $"{pool.Source} (class {normalClass}, validation part, seed {seed})"),
            test,
            normalClass);
    }
}
