
namespace EcgAnomaly.Tests.Cli;

/// <summary>Every bad input ends with exit code 2, one line on stderr naming the problem, no stack trace, and no output.</summary>
public sealed class BadInputTest
{
    public static TheoryData<string, string, string> BrokenTrainFiles => new()
    {
        { "ECG5000_TRAIN.tsv", "1\t0.5\tabc\n", "ECG5000_TRAIN.tsv:1:3: 'abc' is not a number" },
        { "ECG5000_TRAIN.tsv", "", "ECG5000_TRAIN.tsv: file is empty" },
        { "ECG5000_TRAIN.tsv", "1\t0.5\tNaN\n", "ECG5000_TRAIN.tsv:1:3: value 'NaN' is NaN or infinite" },
        { "ECG5000_TRAIN.tsv", "1\t0.5\t1\n1\t0.5\n", "ECG5000_TRAIN.tsv:2: row has 1 values but earlier rows have 2" },
        { "ECG5000_TRAIN.ts", "@data\n0.5,0.25\n", "ECG5000_TRAIN.ts:2: row has no class label" },
    };

    [Theory]
    [MemberData(nameof(BrokenTrainFiles))]
    public void Should_exit_2_with_one_line_and_no_run_folder_When_a_data_file_is_bad(string name, string content, string expected)
    {
        // Given: a data folder whose TRAIN file is broken and whose TEST file is real
        using var dir = new TemporaryFolder();
        dir.Write(Path.Combine("data", "ECG5000", name), content);
        File.Copy(Path.Combine(TestData.Ecg5000Folder, "ECG5000_TEST.tsv"), dir.Combine("data", "ECG5000", "ECG5000_TEST.tsv"));
        var run = dir.Combine("run");

        // When
        var (code, _, error) = CliRunner.Run("train", "--epochs", "1", "--data", dir.Combine("data"), "--out", run);

        // Then
        AssertOneLineError(code, error, expected);
        Assert.False(Directory.Exists(run));
        Assert.DoesNotContain(dir.Entries(), e => e.StartsWith(".run", StringComparison.Ordinal));
    }

    [Fact]
    public void Should_exit_2_and_say_what_to_do_When_the_data_folder_is_missing()
    {
        using var dir = new TemporaryFolder();
        var (code, _, error) = CliRunner.Run("train", "--epochs", "1", "--data", dir.Combine("nowhere"), "--out", dir.Combine("run"));
        AssertOneLineError(code, error, "ECG5000 data set not found");
        Assert.Empty(dir.Entries());
    }

    [Fact]
    public void Should_exit_2_and_leave_the_folder_untouched_When_the_output_folder_is_not_empty()
    {
        using var dir = new TemporaryFolder();
        var keep = dir.Write(Path.Combine("run", "keep.txt"), "mine");
        var (code, _, error) = CliRunner.Run("train", "--epochs", "1", "--data", TestData.DataRoot, "--out", dir.Combine("run"));
        AssertOneLineError(code, error, "output folder exists and is not empty");
        Assert.Equal(["run", Path.Combine("run", "keep.txt")], dir.Entries());
        Assert.Equal("mine", File.ReadAllText(keep));
    }

    [Theory]
    [InlineData("--protocol", "sideways", "--protocol: unknown protocol 'sideways'")]
    [InlineData("--model", "gru", "--model: unknown model 'gru'")]
    [InlineData("--threshold-policy", "median:3", "unknown threshold policy 'median'")]
    [InlineData("--epochs", "0", "--epochs must be between 1 and 100000")]
    [InlineData("--epochs", "many", "many")]
    [InlineData("--device", "tpu", "--device: unknown device 'tpu'")]
    [InlineData("--warmup", "151", "--warmup must be between 0 and --epochs (150)")]
    [InlineData("--clip-norm", "0", "--clip-norm must be above 0")]
    [InlineData("--clip-norm", "NaN", "--clip-norm must be above 0")]
    public void Should_exit_2_with_one_line_When_an_option_value_is_unknown(string option, string value, string expected)
    {
        using var dir = new TemporaryFolder();
        var (code, _, error) = CliRunner.Run("train", option, value, "--data", TestData.DataRoot, "--out", dir.Combine("run"));
        AssertOneLineError(code, error, expected);
        Assert.Empty(dir.Entries());
    }

    [Fact]
    public void Should_exit_2_with_one_line_When_the_option_does_not_exist()
    {
        var (code, _, error) = CliRunner.Run("train", "--frobnicate");
        AssertOneLineError(code, error, "frobnicate");
    }

    internal static void AssertOneLineError(int code, string error, string expected)
    {
        Assert.Equal(2, code);
        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length == 1, "expected one line on stderr, got: " + error);
        Assert.Contains(expected, lines[0]);
        Assert.DoesNotContain(" at ", lines[0]);
        Assert.StartsWith("ecg-anomaly: ", lines[0]);
    }
}
