using EcgAnomaly.Ectopy;
using EcgAnomaly.Tests.Cli;

namespace EcgAnomaly.Tests.Ectopy;

/// <summary>The "cannot know" notice: given when the first minutes hold several frequent beat shapes, in train and record.</summary>
// train sets Torch's process-wide thread count: one Torch test at a time.
[Collection(SharedTorch.Name)]
public sealed class BeatShapeNoticeTest
{
    [Fact]
    public void Should_name_the_frequent_shapes_and_the_choice_made_When_two_shapes_are_frequent()
    {
        var notice = BeatShapeNotice.Describe([0.61, 0.37, 0.02], 5, TrainingBeats.Dominant);

        Assert.NotNull(notice);
        Assert.StartsWith("two frequent beat shapes in the first 5 min: 61 % / 37 %; treated the largest as normal", notice);
    }

    [Fact]
    public void Should_say_nothing_When_one_shape_dominates_or_nothing_is_known()
    {
        Assert.Null(BeatShapeNotice.Describe([0.95, 0.05], 5, TrainingBeats.Dominant));
        Assert.Null(BeatShapeNotice.Describe(null, 5, TrainingBeats.Dominant));
    }

    [Fact]
    public void Should_warn_in_train_and_in_the_record_summary_When_a_record_is_in_bigeminy()
    {
        // Given: MIT-BIH 119, whose first 5 minutes hold ventricular bigeminy: the reference annotates 25 % of them V
        using var dir = new TemporaryFolder();
        var record = Path.Combine(TestData.DataRoot, "raw-ecg", "mitdb", "119");
        var run = dir.Combine("run");

        // When
        var (code, output, error) = CliRunner.Run("train", "--record", record, "--epochs", "1", "--out", run);
        var scored = dir.Combine("scored");
        var (recordCode, recordOutput, recordError) = CliRunner.Run("record", "--model", run, "--record", record, "--out", scored);

        // Then
        Assert.True(code == 0, output + error);
        Assert.Contains("two frequent beat shapes in the first 5 min", string.Join(" ", output.Split('\n').Select(l => l.Trim())));
        Assert.True(recordCode == 0, recordOutput + recordError);
        var summary = File.ReadAllText(Path.Combine(scored, "summary.md"));
        Assert.Contains("**cannot be sure:** two frequent beat shapes in the first 5 min", summary);
    }
}
