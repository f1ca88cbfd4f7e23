namespace EcgAnomaly.Tests.Hostile;

/// <summary>Bad beat files given to score and evaluate (the hostile-input suite; see <see cref="HostileRunner"/>).</summary>
public sealed class InputFileCasesTest
{
    public static TheoryData<HostileCase> Cases() =>
    [
        new("a NaN in a beat", w => Score(w, w.Write("beats.csv", "1,2,NaN\n")), 2, "beats.csv:1"),
        new("rows of different lengths", w => Score(w, w.Write("beats.csv", "1,2,3\n1,2\n")), 2, "beats.csv:2"),
        new("an empty file", w => Score(w, w.Write("beats.csv", "")), 2, "beats.csv"),
        new("a missing file", w => Score(w, w.PathOf("missing.csv")), 2, "missing.csv"),
        new("beats of the wrong length without --resample", w => Score(w, w.Write("beats.csv", "1,2,3\n")), 2, "--resample"),
        new("an unknown threshold policy", w => [.. Score(w, w.Write("beats.csv", "1,2,3\n")), "--threshold-policy", "median:3"],
            2, "--threshold-policy"),
    ];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Should_exit_with_one_line_and_leave_everything_as_it_was_When_the_input_is_hostile(HostileCase hostile) =>
        HostileRunner.Check(hostile);

    private static string[] Score(HostileWorkspace workspace, string input) =>
        ["score", "--model", workspace.Run(), "--input", input, "--output", workspace.PathOf("scores.csv")];
}
