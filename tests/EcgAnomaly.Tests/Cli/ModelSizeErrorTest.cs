namespace EcgAnomaly.Tests.Cli;

/// <summary>The model spec validates its sizes; the command line names the flag at fault, never the library's property.</summary>
public sealed class ModelSizeErrorTest
{
    [Theory]
    [InlineData("transformer", "--heads", "0", "--heads must be between 1 and 256")]
    [InlineData("transformer-ae", "--heads", "0", "--heads must be between 1 and 256")]
    [InlineData("transformer", "--heads", "3", "--heads: the input dim 4 must be divisible by the number of heads 3")]
    [InlineData("transformer", "--input-dim", "8", "--input-dim: the beat length 140 must be a multiple of the input dim 8")]
    [InlineData("lstm", "--embedding", "0", "--embedding must be between 1 and 4096")]
    [InlineData("transformer-ae", "--layers", "65", "--layers must be between 1 and 64")]
    public void Should_exit_2_naming_the_flag_When_a_model_size_is_invalid(string model, string option, string value, string expected)
    {
        // Given
        using var dir = new TemporaryFolder();

        // When
        var (code, _, error) = CliRunner.Run(
            "train", "--model", model, option, value, "--data", TestData.DataRoot, "--out", dir.Combine("run"));

        // Then
        BadInputTest.AssertOneLineError(code, error, expected);
        Assert.DoesNotContain("(Parameter", error);
        Assert.Empty(dir.Entries());
    }
}
