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
    /// <summary>
    /// Loads <paramref name="pytorchFile"/> into <paramref name="spec"/>'s model (every key and shape checked), chooses
    /// the threshold on the split's validation normals, and writes model.pt and model.json into
    /// <paramref name="outputFolder"/>, which appears only when complete.
    /// </summary>
    /// <param name="pytorchFile">A state dict saved with <c>torch.save</c>.</param>
    /// <param name="spec">The architecture the weights belong to.</param>
    /// <param name="split">The data split whose validation normals set the threshold.</param>
    /// <param name="policy">How the threshold is chosen from their scores.</param>
    /// <param name="description">The data set, protocol and file checksums, for model.json.</param>
    /// <param name="outputFolder">The run folder to create; must not exist or be empty.</param>
    /// <param name="seed">The split's seed, recorded in model.json.</param>
    /// <returns>The model.json written.</returns>
    /// <exception cref="DataFormatException">The file is missing, not a state dict, or does not fit the model.</exception>
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
