using EcgAnomaly.Signals.Internal;

namespace EcgAnomaly.Tests.Signals;

/// <summary>The bounded line reader every text input goes through: line ends as StreamReader's, and its two refusals.</summary>
public sealed class BoundedLinesTest
{
    [Theory]
    [InlineData("a\nb\n", new[] { "a", "b" })]
    [InlineData("a\r\nb", new[] { "a", "b" })]
    [InlineData("a\rb\r\n\nc", new[] { "a", "b", "", "c" })]
    [InlineData("", new string[0])]
    public void Should_split_lines_as_StreamReader_does_When_lines_end_in_LF_CRLF_or_CR(string text, string[] expected)
    {
        var lines = BoundedLines.Read(new StringReader(text), "t.csv").ToArray();
        Assert.Equal(expected, lines);
        Assert.Equal(ReadLines(text), lines);
    }

    [Fact]
    public void Should_refuse_with_the_line_number_When_a_line_is_longer_than_the_limit_across_buffer_refills()
    {
        var text = "1,2\n" + new string('7', InputLimits.MaxLineLength + 1) + "\n";
        var error = Assert.Throws<DataFormatException>(() => BoundedLines.Read(new StringReader(text), "t.csv").ToArray());
        Assert.Equal("t.csv:2: line is longer than 1,000,000 characters", error.Message);
    }

    [Fact]
    public void Should_keep_a_line_of_exactly_the_limit_When_it_is_not_longer()
    {
        var line = new string('7', InputLimits.MaxLineLength);
        Assert.Equal([line], BoundedLines.Read(new StringReader(line + "\r\n"), "t.csv"));
    }

    [Fact]
    public void Should_say_UTF_16_with_the_line_When_the_text_holds_NUL_characters()
    {
        var error = Assert.Throws<DataFormatException>(() => BoundedLines.Read(new StringReader("1,2\n1\0,\0"), "t.csv").ToArray());
        Assert.StartsWith("t.csv:2: contains NUL characters", error.Message);
        Assert.Contains("UTF-16", error.Message);
    }

    private static string[] ReadLines(string text)
    {
        var reader = new StringReader(text);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line) lines.Add(line);
        return [.. lines];
    }
}
