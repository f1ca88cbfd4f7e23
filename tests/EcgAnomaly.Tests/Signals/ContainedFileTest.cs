using EcgAnomaly.Signals.Internal;

namespace EcgAnomaly.Tests.Signals;

/// <summary>
/// The containment rule for files named inside an input: names inside the folder resolve (also through a folder
/// reached by a symbolic link, and links that stay inside); everything leading out, or not a regular file, is refused.
/// </summary>
public sealed class ContainedFileTest
{
    [Fact]
    public void Should_resolve_inside_the_folder_When_the_name_is_plain_or_a_link_that_stays_inside()
    {
        // Given: a folder reached through a symbolic link, holding a file and a link to it
        using var dir = new TemporaryFolder();
        var real = dir.Combine("real");
        dir.Write(Path.Combine("real", "a.dat"), "x");
        Directory.CreateDirectory(dir.Combine("real", "sub"));
        File.CreateSymbolicLink(dir.Combine("real", "sub", "b.dat"), "../a.dat");
        var through = dir.Combine("through");
        Directory.CreateSymbolicLink(through, real);

        // When
        var plain = ContainedFile.Resolve(through, "a.dat", "x.hea", 2, "the signal file");
        var linked = ContainedFile.Resolve(through, "sub/b.dat", "x.hea", 2, "the signal file");
        var missing = ContainedFile.Resolve(through, "missing.dat", "x.hea", 2, "the signal file");

        // Then
        Assert.Equal(Path.Combine(through, "a.dat"), plain);
        Assert.Equal(Path.Combine(through, "sub", "b.dat"), linked);
        Assert.Equal(Path.Combine(through, "missing.dat"), missing);
    }

    [Theory]
    [InlineData("/etc/passwd", "is an absolute path")]
    [InlineData("../outside.dat", "is outside the folder of x.hea")]
    [InlineData("sub/../../outside.dat", "is outside the folder of x.hea")]
    [InlineData("out.dat", "is a symbolic link to a file outside")]
    [InlineData("outdir/c.dat", "is a symbolic link to a file outside")]
    [InlineData("sub", "is a folder, not a regular file")]
    [InlineData("", "has no name")]
    public void Should_refuse_naming_the_input_and_line_When_the_name_leads_out_or_is_not_a_regular_file(string name, string words)
    {
        // Given
        using var dir = new TemporaryFolder();
        var folder = dir.Combine("record");
        Directory.CreateDirectory(Path.Combine(folder, "sub"));
        dir.Write("outside.dat", "x");
        dir.Write(Path.Combine("elsewhere", "c.dat"), "x");
        File.CreateSymbolicLink(Path.Combine(folder, "out.dat"), dir.Combine("outside.dat"));
        Directory.CreateSymbolicLink(Path.Combine(folder, "outdir"), dir.Combine("elsewhere"));

        // When
        var error = Assert.Throws<DataFormatException>(() => ContainedFile.Resolve(folder, name, "x.hea", 3, "the signal file"));

        // Then
        Assert.StartsWith("x.hea:3: the signal file", error.Message);
        Assert.Contains(words, error.Message);
    }
}
