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

    public string File { get; }

    public int? Line { get; }

    public int? Column { get; }

    public string Problem { get; }

    public static DataFormatException MissingFile(string file) => new(file, null, null, "file not found");

    public static DataFormatException EmptyFile(string file) => new(file, null, null, "file is empty (no beats)");

    public static DataFormatException UnknownExtension(string file, IEnumerable<string> known) =>
        new(file, null, null, $"unknown file extension '{Path.GetExtension(file)}' (expected one of {string.Join(", ", known)})");

    public static DataFormatException NotANumber(string file, int line, int column, string text) =>
        new(file, line, column, $"'{Truncate(text)}' is not a number");

    public static DataFormatException NotFinite(string file, int line, int column, string text) =>
        new(file, line, column, $"value '{Truncate(text)}' is NaN or infinite");

    public static DataFormatException RaggedRow(string file, int line, int actual, int expected) =>
        new(file, line, null, $"row has {actual} values but earlier rows have {expected}");

    public static DataFormatException MissingLabel(string file, int line) =>
        new(file, line, null, "row has no class label");

    public static DataFormatException BadLabel(string file, int line, int column, string text) =>
        new(file, line, column, $"class label '{Truncate(text)}' is not a whole number");

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
