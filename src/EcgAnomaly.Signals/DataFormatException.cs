namespace EcgAnomaly;

/// <summary>
/// Input that cannot be used as it is: a missing, empty or malformed file. Carries the file, and the line and
/// column where they apply, so that the command line can print one precise line instead of a stack trace.
/// </summary>
public sealed class DataFormatException : Exception
{
    private DataFormatException(string file, int? line, int? column, string problem)
        : base(Format(file, line, column, problem))
    {
        File = file;
        Line = line;
        Column = column;
        Problem = problem;
    }

    /// <summary>The file (or source such as "&lt;stdin&gt;") the problem is in, as the user named it.</summary>
    public string File { get; }

    /// <summary>1-based line of the problem, or null when it concerns the whole file.</summary>
    public int? Line { get; }

    /// <summary>1-based column (value number in the row) of the problem, or null when it concerns the whole line.</summary>
    public int? Column { get; }

    /// <summary>What is wrong, without the location (the message is "file:line:column: problem").</summary>
    public string Problem { get; }

    /// <summary><paramref name="file"/> does not exist.</summary>
    public static DataFormatException MissingFile(string file) => new(file, null, null, "file not found");

    /// <summary><paramref name="file"/> holds no beats.</summary>
    public static DataFormatException EmptyFile(string file) => new(file, null, null, "file is empty (no beats)");

    /// <summary><paramref name="file"/> has an extension none of the readers takes; <paramref name="known"/> lists those they do.</summary>
    public static DataFormatException UnknownExtension(string file, IEnumerable<string> known) =>
        new(file, null, null, $"unknown file extension '{Path.GetExtension(file)}' (expected one of {string.Join(", ", known)})");

    /// <summary>The value <paramref name="text"/> at <paramref name="line"/>:<paramref name="column"/> is not a number.</summary>
    /// <param name="file">The file or source being read.</param>
    /// <param name="line">1-based line.</param>
    /// <param name="column">1-based value number in the row.</param>
    /// <param name="text">The offending text (shown cut to 40 characters).</param>
    public static DataFormatException NotANumber(string file, int line, int column, string text) =>
        new(file, line, column, $"'{Truncate(text)}' is not a number");

    /// <summary>The value <paramref name="text"/> at <paramref name="line"/>:<paramref name="column"/> is NaN or infinite.</summary>
    /// <param name="file">The file or source being read.</param>
    /// <param name="line">1-based line.</param>
    /// <param name="column">1-based value number in the row.</param>
    /// <param name="text">The offending text (shown cut to 40 characters).</param>
    public static DataFormatException NotFinite(string file, int line, int column, string text) =>
        new(file, line, column, $"value '{Truncate(text)}' is NaN or infinite");

    /// <summary>
    /// The row at <paramref name="line"/> has <paramref name="actual"/> values where the rows before it had
    /// <paramref name="expected"/>.
    /// </summary>
    /// <param name="file">The file or source being read.</param>
    /// <param name="line">1-based line.</param>
    /// <param name="actual">Values in this row.</param>
    /// <param name="expected">Values in the earlier rows.</param>
    public static DataFormatException RaggedRow(string file, int line, int actual, int expected) =>
        new(file, line, null, $"row has {actual} values but earlier rows have {expected}");

    /// <summary>The row at <paramref name="line"/> of <paramref name="file"/> has no class label.</summary>
    public static DataFormatException MissingLabel(string file, int line) =>
        new(file, line, null, "row has no class label");

    /// <summary>
    /// The class label <paramref name="text"/> at <paramref name="line"/>:<paramref name="column"/> is not a whole number.
    /// </summary>
    /// <param name="file">The file or source being read.</param>
    /// <param name="line">1-based line.</param>
    /// <param name="column">1-based value number in the row.</param>
    /// <param name="text">The offending text (shown cut to 40 characters).</param>
    public static DataFormatException BadLabel(string file, int line, int column, string text) =>
        new(file, line, column, $"class label '{Truncate(text)}' is not a whole number");

    /// <summary>
    /// Any other <paramref name="problem"/> with <paramref name="file"/>, at <paramref name="line"/> (1-based) or, when
    /// null, in the whole file.
    /// </summary>
    public static DataFormatException Malformed(string file, int? line, string problem) => new(file, line, null, problem);

    private static string Format(string file, int? line, int? column, string problem) =>
        (line, column) switch
        {
            (null, _) => $"{file}: {problem}",
            (int l, null) => $"{file}:{l}: {problem}",
            (int l, int c) => $"{file}:{l}:{c}: {problem}",
        };

    private static string Truncate(string text) => text.Length <= 40 ? text : text[..40] + "...";
}
