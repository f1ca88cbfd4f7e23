using EcgAnomaly.Fuzz;

namespace EcgAnomaly.Tests.Fuzz;

/// <summary>
/// Every input the fuzzer ever crashed a parser with (Fixtures/fuzz/TARGET/, committed with its fix) and every
/// target's seeds, run through the very code scripts/fuzz.sh fuzzes: each must parse or end in a
/// <see cref="DataFormatException"/>, and within a bound, since a hang is a crash too.
/// </summary>
public sealed class FuzzRegressionTest
{
    // Generous for inputs of a few kilobytes that take milliseconds; tight enough that a loop shows as a failure.
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);

    private static string FuzzFixtures => Path.Combine(AppContext.BaseDirectory, "Fixtures", "fuzz");

    public static TheoryData<string> Targets() => [.. FuzzTargets.All.Select(t => t.Name)];

    [Theory]
    [MemberData(nameof(Targets))]
    public void Should_parse_or_refuse_in_bounded_time_When_a_saved_crash_or_a_seed_is_replayed(string name)
    {
        // Given
        var target = FuzzTargets.Find(name)!;
        var folder = Path.Combine(FuzzFixtures, name);
        var saved = Directory.Exists(folder)
            ? Directory.GetFiles(folder).Order().Select(f => (Path.GetFileName(f), File.ReadAllBytes(f)))
            : [];
        var inputs = saved.Concat(target.Seeds().Select((s, i) => ($"seed {i}", s))).ToList();
        using var dir = new TemporaryFolder();
        using var scratch = new FuzzScratch(dir.Combine("scratch"));

        // When / Then: an exception other than DataFormatException escapes Execute and fails the test, naming the input
        Assert.All(inputs, input =>
        {
            var run = Task.Run(() => FuzzTargets.Execute(target, input.Item2, scratch));
            Assert.True(run.Wait(Bound), $"{name}: {input.Item1} did not finish within {Bound.TotalSeconds} s");
        });
    }

    [Fact]
    public void Should_name_a_known_target_When_a_folder_of_saved_crashes_is_committed()
    {
        var folders = Directory.Exists(FuzzFixtures) ? Directory.GetDirectories(FuzzFixtures).Select(Path.GetFileName) : [];

        Assert.All(folders, f => Assert.NotNull(FuzzTargets.Find(f!)));
    }
}
