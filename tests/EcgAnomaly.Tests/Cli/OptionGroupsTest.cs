namespace EcgAnomaly.Tests.Cli;

/// <summary>
/// Each shared option group refuses a bad value with its flag named, on every verb that has the group; and a verb
/// without a group does not take its options.
/// </summary>
public sealed class OptionGroupsTest
{
    // Arguments that make each verb otherwise valid, pointing at nothing: if a group's check were skipped, the
    // command would fail on the missing file with another message instead of running.
    private static readonly Dictionary<string, string[]> Valid = new()
    {
        ["train"] = ["--data", "nowhere"],
        ["bench"] = ["--data", "nowhere"],
        ["reproduce"] = ["--data", "nowhere", "--out", "nowhere"],
        ["score"] = ["--model", "nowhere", "--input", "nowhere.csv"],
        ["evaluate"] = ["--model", "nowhere", "--input", "nowhere.tsv"],
        ["record"] = ["--model", "nowhere", "--record", "nowhere"],
        ["bench-record"] = ["--source", "nowhere", "--work", "nowhere"],
        ["import"] = ["--pytorch", "nowhere.pt", "--out", "nowhere", "--data", "nowhere"],
    };

    public static TheoryData<string, string, string, string> BadValues()
    {
        var data = new TheoryData<string, string, string, string>();
        foreach (var verb in new[] { "train", "bench", "reproduce", "score", "evaluate", "record", "bench-record" })
        {
            data.Add(verb, "--engine", "turbo", "--engine: unknown engine 'turbo'");
            data.Add(verb, "--kernel", "turbo", "--engine: unknown engine 'turbo'");
            data.Add(verb, "--threads", "2000", "--threads must be between 0 and 1024 (got 2000)");
        }
        foreach (var verb in new[] { "train", "bench", "reproduce", "score", "evaluate" })
            data.Add(verb, "--device", "tpu", "--device: unknown device 'tpu' (expected auto, cpu or cuda[:N])");
        foreach (var verb in new[] { "train", "bench", "reproduce", "import", "bench-record" })
            data.Add(verb, "--data", " ", "--data: the folder name is empty");
        foreach (var verb in new[] { "train", "import", "score", "record" })
            data.Add(verb, "--threshold-policy", "median:3", "--threshold-policy: unknown threshold policy 'median'");
        foreach (var verb in new[] { "train", "bench" })
        {
            data.Add(verb, "--model", "gru", "--model: unknown model 'gru'");
            // The default model is the LSTM, which has no heads; the Transformers' range is in ModelSizeErrorTest.
            data.Add(verb, "--heads", "0", "--heads does not apply to the LSTM autoencoder");
        }
        foreach (var verb in new[] { "train", "bench", "import" })
            data.Add(verb, "--embedding", "0", "--embedding must be between 1 and 4096 (got 0)");
        return data;
    }

    [Theory]
    [MemberData(nameof(BadValues))]
    public void Should_exit_2_naming_the_flag_When_a_group_option_has_a_bad_value(string verb, string option, string value, string expected)
    {
        // Given
        string[] args = [verb, .. WithOption(Valid[verb], option, value)];

        // When
        var (code, output, error) = CliRunner.Run(args);

        // Then
        BadInputTest.AssertOneLineError(code, error, expected);
        Assert.Empty(output);
    }

    [Theory]
    [InlineData("score")]
    [InlineData("evaluate")]
    public void Should_exit_2_asking_for_the_run_When_a_bundle_verb_has_no_model(string verb)
    {
        // Given: everything but --model
        string[] args = [verb, "--input", "beats.csv", "--engine", "torchsharp", "--device", "cpu"];

        // When
        var (code, _, error) = CliRunner.Run(args);

        // Then
        BadInputTest.AssertOneLineError(code, error, "--model is required");
    }

    [Theory]
    [InlineData("record", "--device", "cpu")]
    [InlineData("bench-record", "--device", "cpu")]
    [InlineData("import", "--engine", "fast")]
    [InlineData("import", "--threads", "1")]
    [InlineData("import", "--device", "cpu")]
    public void Should_refuse_the_option_When_the_verb_cannot_honour_it(string verb, string option, string value)
    {
        // Given: the library calls behind these verbs take no such setting, so the verb has not got the option

        // When
        var (code, _, error) = CliRunner.Run([verb, .. Valid[verb], option, value]);

        // Then
        BadInputTest.AssertOneLineError(code, error, option.TrimStart('-'));
    }

    private static string[] WithOption(string[] args, string option, string value)
    {
        // The option replaces a valid value of the same flag (--data) rather than repeating it.
        var list = args.ToList();
        var at = list.IndexOf(option);
        if (at >= 0) list.RemoveRange(at, 2);
        return [.. list, option, value];
    }
}
