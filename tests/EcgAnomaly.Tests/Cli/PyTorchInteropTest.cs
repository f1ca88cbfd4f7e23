using EcgAnomaly.RunFolders;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace EcgAnomaly.Tests.Cli;

/// <summary>
/// model.pt is read by PyTorch itself (Debian's python3-torch, installed by scripts/test.sh) into the study's model
/// class (Fixtures/study_lstm.py), which must accept every key and shape and compute the same scores.
/// </summary>
[Collection(SharedTorch.Name)]
public sealed class PyTorchInteropTest
{
    [Fact]
    public void Should_load_in_pytorch_with_the_study_class_and_score_the_same_When_train_wrote_model_pt()
    {
        // Given
        var (code, _, error, run) = OneEpochRun.Result;
        Assert.True(code == 0, error);
        var beats = Path.Combine(TestData.Ecg5000Folder, "ECG5000_TRAIN.tsv");

        // When
        var fromPyTorch = RunPython(TestData.Fixture("score_with_pytorch.py"), run, beats);

        // Then
        var ours = File.ReadAllLines(Path.Combine(run, RunFiles.Scores)).Skip(1)
            .Select(l => double.Parse(l.Split(',')[3], CultureInfo.InvariantCulture)).ToArray();
        var theirs = fromPyTorch.GetProperty("scores").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        Assert.Equal(500, theirs.Length);
        Assert.Equal(theirs.Length, ours.Length);
        for (var i = 0; i < ours.Length; i++)
            Assert.True(Math.Abs(ours[i] - theirs[i]) <= 1e-4 * Math.Abs(theirs[i]), $"beat {i}: ours {ours[i]}, PyTorch {theirs[i]}");
        using var study = JsonDocument.Parse(File.ReadAllText(TestData.Fixture("pytorch_lstm_state_dicts.json")));
        var studyKeys = study.RootElement.GetProperty("models")[0].GetProperty("keys")
            .EnumerateArray()
            .Select(k => k.GetProperty("name").GetString());
        Assert.Equal(studyKeys, fromPyTorch.GetProperty("keys").EnumerateArray().Select(k => k.GetString()));
    }

    internal static JsonElement RunPython(string script, params string[] args)
    {
        var python = "/usr/bin/python3";
        Assert.True(File.Exists(python), "Debian's python3 with python3-torch is needed; scripts/test.sh installs it");
        var start = new ProcessStartInfo(python) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        Assert.True(
            process.ExitCode == 0,
            $"python failed ({process.ExitCode}): {stderr.Result} (is python3-torch installed? scripts/test.sh installs it)");
        using var doc = JsonDocument.Parse(stdout.Result);
        return doc.RootElement.Clone();
    }
}
