using System.Reflection;
using EcgAnomaly.Cli.Commands;
using Spectre.Console.Cli;

namespace EcgAnomaly.Tests.Cli;

public sealed class HelpTest
{
    [Theory]
    [InlineData("train", typeof(TrainSettings))]
    [InlineData("download", typeof(DownloadSettings))]
    [InlineData("reproduce", typeof(ReproduceSettings))]
    [InlineData("score", typeof(ScoreSettings))]
    [InlineData("evaluate", typeof(EvaluateSettings))]
    [InlineData("import", typeof(ImportSettings))]
    [InlineData("bench", typeof(BenchSettings))]
    [InlineData("detect-beats", typeof(DetectBeatsSettings))]
    [InlineData("record", typeof(RecordSettings))]
    [InlineData("bench-record", typeof(BenchRecordSettings))]
    public void Should_list_every_option_with_a_description_When_asking_a_verb_for_help(string verb, Type settings)
    {
        var (code, output, error) = CliRunner.Run(verb, "--help");

        Assert.True(code == 0, error);
        Assert.Empty(error);
        foreach (var property in settings.GetProperties())
        {
            var option = property.GetCustomAttribute<CommandOptionAttribute>();
            if (option is null) continue;
            Assert.Contains("--" + option.LongNames[0], output);
            Assert.False(string.IsNullOrWhiteSpace(property.GetCustomAttribute<System.ComponentModel.DescriptionAttribute>()?.Description), $"--{option.LongNames[0]} has no description");
        }
    }
}
