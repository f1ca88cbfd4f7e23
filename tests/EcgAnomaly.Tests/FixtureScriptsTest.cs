using System.Text.RegularExpressions;

namespace EcgAnomaly.Tests;

/// <summary>
/// The README regenerates the fixtures with `/usr/bin/python3 tests/EcgAnomaly.Tests/Fixtures/make_*.py`, from the
/// repository root. Each script must therefore write beside itself (a path built from its own __file__, never the
/// current folder) and under the names the tests read. Checked by reading the scripts, without running them.
/// </summary>
public sealed partial class FixtureScriptsTest
{
    private static string FixturesFolder => Path.Combine(TestData.RepositoryRoot, "tests", "EcgAnomaly.Tests", "Fixtures");

    public static TheoryData<string> Scripts()
    {
        var data = new TheoryData<string>();
        foreach (var script in Directory.GetFiles(FixturesFolder, "make_*.py").Order()) data.Add(Path.GetFileName(script));
        return data;
    }

    [Fact]
    public void Should_name_the_scripts_of_the_fixtures_folder_When_the_readme_says_how_to_regenerate()
    {
        var readme = File.ReadAllText(Path.Combine(TestData.RepositoryRoot, "README.md"));

        Assert.Contains("/usr/bin/python3 tests/EcgAnomaly.Tests/Fixtures/make_*.py", readme);
        Assert.True(Scripts().Count >= 6, "fewer make_*.py scripts than expected in " + FixturesFolder);
    }

    [Theory]
    [MemberData(nameof(Scripts))]
    public void Should_write_only_beside_itself_under_names_the_tests_read_When_a_fixture_script_runs(string script)
    {
        // Given
        var source = File.ReadAllText(Path.Combine(FixturesFolder, script));

        // When
        var outputs = OutputName().Matches(source).Select(m => m.Groups[1].Value).Distinct().ToArray();
        var writes = WriteCall().Matches(source).Select(m => m.Value.Trim()).ToArray();

        // Then
        Assert.Matches(HereDefinition(), source);
        Assert.NotEmpty(outputs);
        Assert.NotEmpty(writes);
        Assert.All(writes, line =>
            Assert.True(line.Contains("os.path.join(here, \"", StringComparison.Ordinal), $"{script} writes outside its folder: {line}"));
        var testSources = TestSources();
        foreach (var name in outputs)
        {
            Assert.True(File.Exists(Path.Combine(FixturesFolder, name)), $"{script} writes {name}, which is not committed in Fixtures/");
            Assert.True(
                testSources.Contains($"Fixture(\"{name}\")", StringComparison.Ordinal), $"{script} writes {name}, which no test reads");
        }
    }

    [Fact]
    public void Should_come_from_a_script_When_a_fixture_file_is_committed_beside_the_scripts()
    {
        // Given: every output name any make_*.py writes
        var written = Directory.GetFiles(FixturesFolder, "make_*.py")
            .SelectMany(s => OutputName().Matches(File.ReadAllText(s)).Select(m => m.Groups[1].Value)).ToHashSet();

        // When: the data files committed at the top of Fixtures/ (legacy-runs/ holds run folders made by an old build)
        var data = Directory.GetFiles(FixturesFolder)
            .Select(Path.GetFileName)
            .Where(n => n!.EndsWith(".json", StringComparison.Ordinal) || n.EndsWith(".pt", StringComparison.Ordinal));

        // Then
        Assert.All(data, name => Assert.True(written.Contains(name!), $"{name} is committed in Fixtures/ but no make_*.py writes it"));
    }

    private static string TestSources() =>
        string.Concat(Directory
            .GetFiles(Path.Combine(TestData.RepositoryRoot, "tests", "EcgAnomaly.Tests"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(File.ReadAllText));

    /// <summary>here = os.path.dirname(os.path.abspath(__file__)): the script's own folder, whatever the current one.</summary>
    [GeneratedRegex(@"^here = os\.path\.dirname\(os\.path\.abspath\(__file__\)\)$", RegexOptions.Multiline)]
    private static partial Regex HereDefinition();

    [GeneratedRegex(@"os\.path\.join\(here, ""([^""]+)""\)")]
    private static partial Regex OutputName();

    /// <summary>Lines that create files: open(..., "w"/"wb"/"a"), torch.save, numpy's save/savez/savetxt, savefig, to_csv.</summary>
    [GeneratedRegex(@"^.*(open\([^\n]*,\s*[""'][wax]b?[""']|torch\.save\(|np\.save\w*\(|savefig\(|to_csv\().*$", RegexOptions.Multiline)]
    private static partial Regex WriteCall();
}
