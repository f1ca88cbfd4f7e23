using System.Text.Json;
using EcgAnomaly.Models;
using EcgAnomaly.RunFolders;
using EcgAnomaly.Signals.Internal;
using EcgAnomaly.Training;
using TorchSharp;

namespace EcgAnomaly.Detection;

/// <summary>
/// A run folder as a portable detector: model.json says what to build, how beats are prepared and which threshold to use,
/// model.pt holds the weights, validation-scores.csv the scores another threshold policy can be chosen from. Everything
/// is checked on loading; any problem is one <see cref="DataFormatException"/> naming the file.
/// </summary>
public static class DetectorBundle
{
    /// <summary>
    /// Reads and checks the model.json of <paramref name="runFolder"/>: format version, architecture, normalisation and
    /// threshold.
    /// </summary>
    /// <exception cref="DataFormatException">
    /// model.json is missing, not valid JSON, of another format version, or describes a model that cannot be built.
    /// </exception>
    public static ModelManifest ReadManifest(string runFolder)
    {
        var path = Path.Combine(runFolder, RunFiles.Manifest);
        if (!File.Exists(path)) throw DataFormatException.MissingFile(path);
        // Checked before reading it whole: a FIFO would block, a huge file is not a model.json.
        if (FileKind.NotRegular(path) is { } kind) throw DataFormatException.Malformed(path, null, $"is {kind}, not a model.json");
        if (new FileInfo(path).Length > ManifestChecks.MaxBytes)
            throw DataFormatException.Malformed(path, null, $"is larger than {ManifestChecks.MaxBytes:N0} bytes; not a model.json");
        ModelManifest? manifest;
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(path));
            ManifestChecks.CheckShape(doc.RootElement, path);
            manifest = doc.RootElement.Deserialize<ModelManifest>(RunJson.Options);
        }
        catch (JsonException e)
        {
            throw DataFormatException.Malformed(path, (int?)e.LineNumber + 1, $"not a valid model.json ({e.Message.Split(". ")[0]})");
        }
        if (manifest is null) throw DataFormatException.Malformed(path, null, "not a valid model.json (null)");
        ManifestChecks.CheckFields(manifest, path);
        return manifest;
    }

    /// <summary>
    /// Loads the detector of a run folder (its last-epoch weights, model.pt, unless <paramref name="weights"/> names another
    /// file), with the normalisation and threshold of its model.json and the validation scores it kept. An ensemble run
    /// loads every member; <paramref name="weights"/> may then name the run's weights or best weights, which stand for
    /// every member's.
    /// </summary>
    public static AutoencoderDetector Load(
        string runFolder, ComputeEngine engine = ComputeEngine.Auto, string? device = null, string? weights = null)
    {
        var manifest = ReadManifest(runFolder);
        var manifestPath = Path.Combine(runFolder, RunFiles.Manifest);
        var files = WeightFiles(manifest, weights, manifestPath)
            // model.json names its weights: regular files in the run folder (not /etc/passwd, ../, a FIFO).
            .Select(name => ContainedFile.Resolve(runFolder, name, manifestPath, null, "the weights file"))
            .ToList();
        var scoresPath = Path.Combine(runFolder, RunFiles.ValidationScores);
        var validationScores = File.Exists(scoresPath) ? ValidationScoresFile.Read(scoresPath) : [];
        var models = new List<torch.nn.Module<torch.Tensor, torch.Tensor>>(files.Count);
        try
        {
            var resolved = TorchDevice.Resolve(device);
            foreach (var file in files)
            {
                if (!File.Exists(file)) throw DataFormatException.MissingFile(file);
                models.Add(manifest.Architecture.Build());
                PyTorchWeights.Load(models[^1], file, manifest.Architecture.ShortName);
                var parameters = ParameterCount.Of(models[^1]);
                if (parameters != manifest.Parameters)
                    throw DataFormatException.Malformed(
                        file, null, $"the model has {parameters} parameters but model.json says {manifest.Parameters}");
                models[^1].to(resolved);
            }
            var policy = ThresholdPolicy.TryParse(manifest.Threshold.Policy, out var parsed, out _)
                ? parsed
                : new ThresholdPolicy(ThresholdPolicyKind.Fixed, manifest.Threshold.Value);
            var preprocessing = new BeatPreprocessing(manifest.Normalisation);
            return AutoencoderDetector.Create(
                manifest.Architecture, models, preprocessing, policy, manifest.Threshold.Value, validationScores, resolved, engine: engine);
        }
        catch
        {
            foreach (var model in models) model.Dispose();
            throw;
        }
    }

    /// <summary>The weight files to load, one per network: the run's own, or every ensemble member's last or best ones.</summary>
    private static List<string> WeightFiles(ModelManifest manifest, string? weights, string manifestPath)
    {
        if (manifest.Members is not { } members) return [weights ?? manifest.Weights];
        if (weights is null || weights == manifest.Weights) return [.. members.Select(m => m.Weights)];
        if (weights == manifest.BestWeights) return [.. members.Select(m => m.BestWeights)];
        throw DataFormatException.Malformed(
            manifestPath, null,
            $"is an ensemble of {members.Count} networks; its weights can be {manifest.Weights} or {manifest.BestWeights}, not {weights}");
    }
}
