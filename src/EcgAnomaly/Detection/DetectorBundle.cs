using System.Text.Json;
using EcgAnomaly.Models;
using EcgAnomaly.Runs;
using EcgAnomaly.Training;
using TorchSharp;

namespace EcgAnomaly.Detection;

/// <summary>
/// A run folder as a portable detector: model.json says what to build and which threshold to use, model.pt holds
/// the weights. Everything is checked on loading; any problem is one <see cref="DataFormatException"/> naming the file.
/// </summary>
public static class DetectorBundle
{
    public static ModelManifest ReadManifest(string runFolder)
    {
        var path = Path.Combine(runFolder, RunFiles.Manifest);
        if (!File.Exists(path)) throw DataFormatException.MissingFile(path);
        ModelManifest? manifest;
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(path));
            var version = doc.RootElement.TryGetProperty("formatVersion", out var v) && v.TryGetInt32(out var n) ? n : 0;
            if (version != ModelManifest.CurrentFormatVersion)
                throw DataFormatException.Malformed(path, null, $"unknown format version {version} (this tool reads version {ModelManifest.CurrentFormatVersion})");
            manifest = doc.RootElement.Deserialize<ModelManifest>(RunJson.Options);
        }
        catch (JsonException e)
        {
            throw DataFormatException.Malformed(path, (int?)e.LineNumber + 1, $"not a valid model.json ({e.Message.Split('.')[0]})");
        }
        if (manifest?.Architecture is null || !ModelSpec.Kinds.Contains(manifest.Architecture.Kind))
            throw DataFormatException.Malformed(path, null, $"unknown architecture '{manifest?.Architecture?.Kind}' (expected one of {string.Join(", ", ModelSpec.Kinds)})");
        if (!Data.BeatNormalisation.Names.Contains(manifest.Normalisation))
            throw DataFormatException.Malformed(path, null, $"unknown normalisation '{manifest.Normalisation}' (expected one of {string.Join(", ", Data.BeatNormalisation.Names)})");
        if (!double.IsFinite(manifest.Threshold.Value))
            throw DataFormatException.Malformed(path, null, "the threshold is not a finite number");
        return manifest;
    }

    /// <summary>The bundle's own threshold, or the one <paramref name="policy"/> gives: a fixed number as it is, any other
    /// policy applied to the validation-normal scores kept in the bundle.</summary>
    public static double Threshold(string runFolder, AutoencoderDetector detector, ThresholdPolicy? policy)
    {
        ArgumentNullException.ThrowIfNull(detector);
        return policy switch
        {
            null => detector.Threshold,
            { Kind: ThresholdPolicyKind.Fixed } fixedPolicy => fixedPolicy.Value,
            _ => policy.Choose(ReadValidationScores(runFolder)),
        };
    }

    /// <summary>The validation-normal scores saved at training time, for choosing another threshold policy.</summary>
    public static double[] ReadValidationScores(string runFolder)
    {
        var path = Path.Combine(runFolder, RunFiles.ValidationScores);
        if (!File.Exists(path)) throw DataFormatException.Malformed(path, null, "file not found: this bundle keeps no validation scores, so only a fixed threshold can replace its own");
        var lines = File.ReadAllLines(path);
        var scores = new double[Math.Max(lines.Length - 1, 0)];
        for (var i = 1; i < lines.Length; i++)
            if (!double.TryParse(lines[i], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out scores[i - 1]) || !double.IsFinite(scores[i - 1]))
                throw DataFormatException.NotANumber(path, i + 1, 1, lines[i]);
        if (scores.Length == 0) throw DataFormatException.EmptyFile(path);
        return scores;
    }

    /// <summary>Loads the detector of a run folder (its last-epoch weights, model.pt, unless <paramref name="weights"/> names another file).</summary>
    public static AutoencoderDetector Load(string runFolder, TrainingKernel kernel = TrainingKernel.Auto, string? device = null, string? weights = null)
    {
        var manifest = ReadManifest(runFolder);
        var weightsPath = Path.Combine(runFolder, weights ?? manifest.Weights);
        if (!File.Exists(weightsPath)) throw DataFormatException.MissingFile(weightsPath);
        TorchSharp.torch.nn.Module<TorchSharp.torch.Tensor, TorchSharp.torch.Tensor> model;
        try
        {
            model = manifest.Architecture.Build();
        }
        catch (ArgumentException e)
        {
            throw DataFormatException.Malformed(Path.Combine(runFolder, RunFiles.Manifest), null, $"cannot build the architecture ({e.Message.Split('\n')[0]})");
        }
        try
        {
            PyTorchWeights.Load(model, weightsPath, manifest.Architecture.ShortName);
        }
        catch
        {
            model.Dispose();
            throw;
        }
        var parameters = ParameterCount.Of(model);
        if (parameters != manifest.Parameters)
        {
            model.Dispose();
            throw DataFormatException.Malformed(weightsPath, null, $"the model has {parameters} parameters but model.json says {manifest.Parameters}");
        }
        var policy = ThresholdPolicy.TryParse(manifest.Threshold.Policy, out var parsed, out _) ? parsed : new ThresholdPolicy(ThresholdPolicyKind.Fixed, manifest.Threshold.Value);
        var resolved = TorchDevice.Resolve(device);
        model.to(resolved);
        return AutoencoderDetector.Wrap(manifest.Architecture, model, resolved, policy, manifest.Threshold.Value, 512, kernel);
    }
}
