namespace EcgAnomaly.Fuzz;

/// <summary>
/// The fuzz targets by name. A new parser is one small class with a Run method and one line here; the
/// script, the README's command and the regression test (one folder per name) pick it up from this list.
/// </summary>
public static class FuzzTargets
{
    /// <summary>Every target, in the order fuzz/README.md lists them.</summary>
    public static IReadOnlyList<FuzzTarget> All { get; } =
    [
        new("wfdb-header", WfdbHeaderTarget.Run, WfdbHeaderTarget.Seeds),
        new("wfdb-signal", WfdbSignalTarget.Run, WfdbSignalTarget.Seeds),
        new("wfdb-annotation", WfdbAnnotationTarget.Run, WfdbAnnotationTarget.Seeds),
        new("edf", EdfTarget.Run, EdfTarget.Seeds),
        new("ucr-tsv", (input, scratch) => UcrTarget.Run(input, scratch, ".tsv"), () => UcrTarget.Seeds(".tsv")),
        new("ucr-txt", (input, scratch) => UcrTarget.Run(input, scratch, ".txt"), () => UcrTarget.Seeds(".txt")),
        new("ucr-arff", (input, scratch) => UcrTarget.Run(input, scratch, ".arff"), () => UcrTarget.Seeds(".arff")),
        new("ucr-ts", (input, scratch) => UcrTarget.Run(input, scratch, ".ts"), () => UcrTarget.Seeds(".ts")),
    ];

    /// <summary>The target called <paramref name="name"/>, or null.</summary>
    public static FuzzTarget? Find(string name) => All.FirstOrDefault(t => t.Name == name);

    /// <summary>
    /// Runs <paramref name="target"/> on <paramref name="input"/> in a cleared scratch folder. A
    /// <see cref="DataFormatException"/> is an answer, not a failure; every other exception escapes, which is what
    /// makes AFL++ (and the regression test) count it as a crash.
    /// </summary>
    public static FuzzOutcome Execute(FuzzTarget target, byte[] input, FuzzScratch scratch)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(scratch);
        scratch.Clear();
        try
        {
            target.Run(input, scratch);
            return FuzzOutcome.Parsed;
        }
        catch (DataFormatException)
        {
            return FuzzOutcome.Refused;
        }
    }
}
