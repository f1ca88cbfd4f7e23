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
    /// file), with the normalisation and threshold of its model.json and the validation scores it kept.
    /// </summary>
    public static AutoencoderDetector Load(
        string runFolder, ComputeEngine engine = ComputeEngine.Auto, string? device = null, string? weights = null)
    {
        var manifest = ReadManifest(runFolder);
        // model.json names its weights: a regular file in the run folder (not /etc/passwd, ../, a FIFO).
        var weightsPath = ContainedFile.Resolve(
            runFolder, weights ?? manifest.Weights, Path.Combine(runFolder, RunFiles.Manifest), null, "the weights file");
        if (!File.Exists(weightsPath)) throw DataFormatException.MissingFile(weightsPath);
        var scoresPath = Path.Combine(runFolder, RunFiles.ValidationScores);
        var validationScores = File.Exists(scoresPath) ? ValidationScoresFile.Read(scoresPath) : [];
        var model = manifest.Architecture.Build();
        try
        {
            PyTorchWeights.Load(model, weightsPath, manifest.Architecture.ShortName);
            var parameters = ParameterCount.Of(model);
            if (parameters != manifest.Parameters)
                throw DataFormatException.Malformed(
                    weightsPath, null, $"the model has {parameters} parameters but model.json says {manifest.Parameters}");
            var policy = ThresholdPolicy.TryParse(manifest.Threshold.Policy, out var parsed, out _)
                ? parsed
                : new ThresholdPolicy(ThresholdPolicyKind.Fixed, manifest.Threshold.Value);
            var resolved = TorchDevice.Resolve(device);
            model.to(resolved);
            var preprocessing = new BeatPreprocessing(manifest.Normalisation);
            return AutoencoderDetector.Create(
                manifest.Architecture, model, preprocessing, policy, manifest.Threshold.Value, validationScores, resolved, engine: engine);
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }
}
