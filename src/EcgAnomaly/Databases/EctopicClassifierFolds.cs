using EcgAnomaly.Ectopy;

namespace EcgAnomaly.Databases;

/// <summary>
/// The classifiers of an evaluation, one per fold: a record is labelled by the first that did not learn from it, so that
/// no patient is scored by a classifier that saw their labels; a record every classifier learned from fails.
/// </summary>
internal sealed class EctopicClassifierFolds(IReadOnlyList<EctopicClassifier> classifiers)
{
    /// <summary>Reads the comma-separated classifier files of <paramref name="paths"/> (none when null).</summary>
    public static EctopicClassifierFolds Read(string? paths) =>
        new(paths is null ? [] : [.. paths.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(EctopicClassifier.Read)]);

    /// <summary>The classifier for <paramref name="record"/> of <paramref name="database"/>, or null when there are none.</summary>
    /// <exception cref="InvalidOperationException">Every classifier learned from the record.</exception>
    public EctopicClassifier? For(string database, string record)
    {
        if (classifiers.Count == 0) return null;
        var name = $"{database}/{record}";
        return classifiers.FirstOrDefault(c => !c.TrainedOn.Contains(name))
            ?? throw new InvalidOperationException($"every ectopic classifier learned from record {record}: it cannot be scored fairly");
    }
}
