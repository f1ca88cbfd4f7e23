using System.Reflection;
using System.Text.RegularExpressions;
using EcgAnomaly.Cli;
using Spectre.Console.Cli;

namespace EcgAnomaly.Tests.Cli;

/// <summary>
/// Every verb the app registers (read from its own `ecg-anomaly --help`, so a new verb cannot be forgotten here) has a
/// command class, and every option of its settings shows in its help with a description.
/// </summary>
public sealed partial class HelpTest
{
    public static TheoryData<string> Verbs()
    {
        var data = new TheoryData<string>();
        foreach (var verb in VerbsOfTheApp()) data.Add(verb);
        return data;
    }

    [Fact]
    public void Should_register_exactly_the_command_classes_When_listing_the_verbs_of_the_app()
    {
        // Given: the command classes of the CLI assembly, named by convention (DetectBeatsCommand -> detect-beats)
        var classes = CommandClasses().Keys.Order().ToArray();

        // When
        var verbs = VerbsOfTheApp().Order().ToArray();

        // Then: README's verbs, including models, and no command class left unregistered
        Assert.Equal(classes, verbs);
        Assert.Superset(
            new HashSet<string>
            {
                "train", "score", "evaluate", "import", "models", "reproduce", "download", "bench", "detect-beats", "record",
                "bench-record", "evaluate-database", "merge-shards", "fit-ectopy", "serve",
            },
            verbs.ToHashSet());
    }

    [Theory]
    [MemberData(nameof(Verbs))]
    public void Should_list_every_option_with_a_description_When_asking_a_verb_for_help(string verb)
    {
        // Given
        Assert.True(CommandClasses().TryGetValue(verb, out var command), $"no command class for the verb '{verb}'");
        var settings = SettingsOf(command!);

        // When
        var (code, output, error) = CliRunner.Run(verb, "--help");

        // Then
        Assert.True(code == 0, error);
        Assert.Empty(error);
        Assert.Contains($"ecg-anomaly {verb}", output);
        foreach (var property in settings.GetProperties())
        {
            // A positional argument (merge-shards' folders) needs a description as much as an option does.
            if (property.GetCustomAttribute<CommandArgumentAttribute>() is { } argument)
            {
                Assert.Contains("<" + argument.ValueName + ">", output);
                var text = property.GetCustomAttribute<System.ComponentModel.DescriptionAttribute>()?.Description;
                Assert.False(string.IsNullOrWhiteSpace(text), $"<{argument.ValueName}> has no description");
            }
            var option = property.GetCustomAttribute<CommandOptionAttribute>();
            if (option is null) continue;
            Assert.Contains("--" + option.LongNames[0], output);
            var description = property.GetCustomAttribute<System.ComponentModel.DescriptionAttribute>()?.Description;
            Assert.False(string.IsNullOrWhiteSpace(description), $"--{option.LongNames[0]} has no description");
        }
    }

    /// <summary>The verbs under COMMANDS in `ecg-anomaly --help` (continuation lines of descriptions are indented deeper).</summary>
    private static string[] VerbsOfTheApp()
    {
        var (code, output, error) = CliRunner.Run("--help");
        Assert.True(code == 0, error);
        var commands = output[(output.IndexOf("COMMANDS:", StringComparison.Ordinal) + "COMMANDS:".Length)..];
        var verbs = VerbLine().Matches(commands).Select(m => m.Groups[1].Value).ToArray();
        Assert.True(verbs.Length > 0, "no verb found under COMMANDS in:\n" + output);
        return verbs;
    }

    private static Dictionary<string, Type> CommandClasses() =>
        typeof(EcgAnomalyApp).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsClass: true } && typeof(ICommand).IsAssignableFrom(t))
            .ToDictionary(t => KebabCase().Replace(t.Name[..^"Command".Length], "-$1").ToLowerInvariant());

    private static Type SettingsOf(Type command)
    {
        for (var t = command; t is not null; t = t.BaseType)
        {
            if (t.IsGenericType && t.GetGenericArguments() is [var settings] && typeof(CommandSettings).IsAssignableFrom(settings))
                return settings;
        }
        throw new InvalidOperationException($"{command.Name} has no settings type");
    }

    [GeneratedRegex(@"^ {4}([a-z][a-z-]*)(?: <[A-Z]+>)? {2,}\S", RegexOptions.Multiline)]
    private static partial Regex VerbLine();

    [GeneratedRegex(@"(?<=[a-z])([A-Z])")]
    private static partial Regex KebabCase();
}
