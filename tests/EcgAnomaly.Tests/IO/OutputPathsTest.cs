using EcgAnomaly.IO;

namespace EcgAnomaly.Tests.IO;

/// <summary>Issue 11: outputs are compared with inputs by real path (links resolved, case kept on Linux).</summary>
public sealed class OutputPathsTest
{
    [Fact]
    public void Should_refuse_the_input_itself_and_outputs_inside_or_holding_it_When_spelled_in_any_way()
    {
        using var dir = new TemporaryFolder();
        var input = dir.Write("data/beats.csv", "1,2\n");
        Directory.CreateSymbolicLink(dir.Combine("alias"), "data"); // a relative link
        File.CreateSymbolicLink(dir.Combine("link.csv"), input);

        Assert.Throws<OutputPathException>(() => OutputPaths.EnsureApart(dir.Combine("data", ".", "beats.csv"), input));
        Assert.Throws<OutputPathException>(() => OutputPaths.EnsureApart(dir.Combine("alias", "beats.csv"), input));
        Assert.Throws<OutputPathException>(() => OutputPaths.EnsureApart(dir.Combine("link.csv"), input));
        Assert.Throws<OutputPathException>(() => OutputPaths.EnsureApart(dir.Combine("alias"), input)); // holds it
        Assert.Throws<OutputPathException>(() => OutputPaths.EnsureApart(dir.Combine("data", "x.csv"), dir.Combine("data")));
    }

    [Fact]
    public void Should_accept_neighbours_When_the_output_only_looks_like_the_input()
    {
        using var dir = new TemporaryFolder();
        var input = dir.Write("data/beats.csv", "1,2\n");

        OutputPaths.EnsureApart(dir.Combine("data", "beats.csv.out"), input);
        OutputPaths.EnsureApart(dir.Combine("data-2", "beats.csv"), dir.Combine("data"));
        OutputPaths.EnsureApart(dir.Combine("out.csv"), input, null, "-");
        if (OperatingSystem.IsLinux()) OutputPaths.EnsureApart(dir.Combine("data", "BEATS.csv"), input);
    }

    [Fact]
    public void Should_refuse_a_folder_or_a_path_under_a_file_When_a_file_is_to_be_written()
    {
        using var dir = new TemporaryFolder();
        var file = dir.Write("a.txt", "a");

        Assert.Throws<OutputPathException>(() => OutputPaths.EnsureWritableFile(dir.Path));
        Assert.Throws<OutputPathException>(() => OutputPaths.EnsureWritableFile(Path.Combine(file, "b.txt")));
        OutputPaths.EnsureWritableFile(dir.Combine("new", "b.txt"));
        Assert.Equal(["a.txt"], dir.Entries()); // the write probe is gone
    }
}
