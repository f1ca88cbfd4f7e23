namespace EcgAnomaly.Tests.Cli;

/// <summary>
/// Issue 11: a legal 240-character output name works. The hidden temporary names were built from the final name
/// (".NAME.&lt;guid&gt;.partial") and went over the file system's 255 bytes.
/// </summary>
[Collection(SharedTorch.Name)]
public sealed class LongOutputNameTest
{
    private static readonly string Model = TestData.Fixture(Path.Combine("legacy-runs", "lstm8-ecg5000"));

    [Fact]
    public void Should_write_the_scores_When_the_output_file_name_is_240_characters_long()
    {
        using var dir = new TemporaryFolder();
        var input = dir.Write("beats.csv", string.Join(",", Enumerable.Repeat("0.5", 140)) + "\n");
        var output = dir.Combine(new string('s', 236) + ".csv");

        var (code, _, error) = CliRunner.Run("score", "--model", Model, "--input", input, "--output", output);

        Assert.True(code == 0, error);
        Assert.Equal(["beats.csv", Path.GetFileName(output)], dir.Entries());
    }

    [Fact]
    public void Should_write_the_evaluation_folder_When_its_name_is_240_characters_long()
    {
        using var dir = new TemporaryFolder();
        var output = dir.Combine(new string('e', 240));

        var (code, _, error) = CliRunner.Run(
            "evaluate", "--model", Model, "--input", Path.Combine(TestData.Ecg5000Folder, "ECG5000_TRAIN.tsv"), "--out", output);

        Assert.True(code == 0, error);
        Assert.True(File.Exists(Path.Combine(output, "evaluation.json")));
        Assert.DoesNotContain(dir.Entries(), e => e.StartsWith('.'));
    }
}
