using EcgAnomaly.IO;

namespace EcgAnomaly.Tests.IO;

/// <summary>Issue 11: staging names fit any legal target name; killed runs' staging folders go; nothing outlives a cancel.</summary>
public sealed class StagingFolderTest
{
    [Fact]
    public void Should_stage_under_a_short_name_When_the_target_name_is_240_characters_long()
    {
        using var dir = new TemporaryFolder();
        var target = dir.Combine(new string('r', 240));

        using (var staging = StagingFolder.Create(target))
        {
            Assert.True(Path.GetFileName(staging.Path).Length <= 18, staging.Path);
            File.WriteAllText(staging.PathOf("a.txt"), "a");
            staging.Commit();
        }

        Assert.Equal([Path.GetFileName(target), Path.Combine(Path.GetFileName(target), "a.txt")], dir.Entries());
    }

    [Fact]
    public void Should_remove_the_staging_folder_of_a_dead_run_of_the_target_and_keep_the_others_When_a_new_run_starts()
    {
        // Given: a live run of the target, a dead one (its owner file no longer locked), and a dead one of another target
        using var dir = new TemporaryFolder();
        var target = dir.Combine("run");
        using var live = StagingFolder.Create(target);
        var dead = Stale(dir, "deadbeef", target);
        var other = Stale(dir, "0bad0bad", dir.Combine("other"));

        // When
        using var next = StagingFolder.Create(target);

        // Then
        Assert.False(Directory.Exists(dead), "the dead run's staging folder is still there");
        Assert.True(Directory.Exists(live.Path), "the live run's staging folder was removed");
        Assert.True(Directory.Exists(other), "another target's staging folder was removed");
    }

    [Fact]
    public void Should_leave_neither_staging_folder_nor_the_folders_it_created_When_the_commit_is_cancelled()
    {
        using var dir = new TemporaryFolder();
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        using (var staging = StagingFolder.Create(dir.Combine("new", "deeper", "run")))
        {
            File.WriteAllText(staging.PathOf("a.txt"), "a");
            Assert.Throws<OperationCanceledException>(() => staging.Commit(cancelled.Token));
        }

        Assert.Empty(dir.Entries());
    }

    [Fact]
    public void Should_leave_no_file_nor_the_folders_it_created_When_an_atomic_write_is_cancelled_or_fails()
    {
        using var dir = new TemporaryFolder();
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.Throws<OperationCanceledException>(() =>
            AtomicFile.Write(dir.Combine("new", "a.txt"), path => File.WriteAllText(path, "a"), cancelled.Token));
        Assert.Throws<InvalidDataException>(() =>
            AtomicFile.Write(dir.Combine("new", "b.txt"), _ => throw new InvalidDataException("bad")));

        Assert.Empty(dir.Entries());
    }

    /// <summary>A staging folder as a SIGKILLed run leaves it: an owner file naming the target, locked by no one.</summary>
    private static string Stale(TemporaryFolder dir, string hex, string target)
    {
        var folder = dir.Combine($".~{hex}.partial");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, ".~owner"), target);
        File.WriteAllText(Path.Combine(folder, "model.pt"), "half");
        return folder;
    }
}
