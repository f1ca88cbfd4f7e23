using EcgAnomaly.Data;
using EcgAnomaly.Detection;
using EcgAnomaly.IO;
using EcgAnomaly.Models;
using EcgAnomaly.RunFolders;
using EcgAnomaly.Training;
using TorchSharp.PyBridge;

namespace EcgAnomaly.Runs;

/// <summary>
/// Turns a state dict saved by PyTorch (the study's <c>torch.save(model.state_dict(), ...)</c>) into a run folder that
/// <c>score</c>, <c>evaluate</c> and the library load, with a threshold chosen on validation-normal beats.
/// </summary>
public static class PyTorchImport
{
    public static ModelManifest Execute(
        string pytorchFile,
        ModelSpec spec,
        DataSplit split,
        ThresholdPolicy policy,
        RunDescription description,
        string outputFolder,
        int seed)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(split);
        if (!File.Exists(pytorchFile)) throw DataFormatException.MissingFile(pytorchFile);
        using var staging = StagingFolder.Create(outputFolder);
        var model = spec.Build();
        try
        {
            PyTorchWeights.Load(model, pytorchFile, spec.ShortName);
        }
        catch
        {
            model.Dispose();
            throw;
        }
        using var detector = AutoencoderDetector.Create(
            spec, model, BeatPreprocessing.None, policy, double.NaN, device: TorchDevice.Resolve(null));
        var threshold = policy.Choose(detector.Score(split.Validation));
        AtomicFile.Write(staging.PathOf(RunFiles.Weights), path => detector.Model.save_py(path));
        var manifest = new ModelManifest
        {
            ToolVersion = TrainingRun.ToolVersion,
            Architecture = spec,
            Parameters = ParameterCount.Of(model),
            HyperParameters = new HyperParameters(0, 0, 0, seed, $"imported from PyTorch ({Path.GetFileName(pytorchFile)})", "unknown"),
            DataSet = description.DataSet,
            Protocol = description.Protocol,
            NormalClass = split.NormalClass,
            DataSha256 = description.DataSha256,
            Normalisation = BeatNormalisation.None,
            Threshold = new ThresholdInfo(
                threshold, policy.ToString(), $"validation normal beats ({split.Validation.Count}), split seed {seed}"),
            Weights = RunFiles.Weights,
            BestWeights = RunFiles.Weights,
            BestEpoch = 0,
            CreatedUtc = DateTimeOffset.UtcNow,
        };
        AtomicFile.WriteAllText(staging.PathOf(RunFiles.Manifest), RunJson.Serialize(manifest));
        staging.Commit();
        return manifest;
    }
}
