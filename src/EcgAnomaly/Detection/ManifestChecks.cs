using System.Text.Json;
using EcgAnomaly.Data;
using EcgAnomaly.Ectopy;
using EcgAnomaly.Models;
using EcgAnomaly.RunFolders;
using EcgAnomaly.Signals;

namespace EcgAnomaly.Detection;

/// <summary>
/// Every field of a model.json checked before any of it is used: the file is ours, but a hand-edited or hostile one
/// must give one line naming it, not a NullReferenceException ("threshold": null), a wrong exit code (a root that
/// is not an object) or "Value cannot be null. (Parameter 'path2')" (no weights).
/// </summary>
internal static class ManifestChecks
{
    /// <summary>model.json is a few kilobytes; a larger one is not ours.</summary>
    public const int MaxBytes = 1 << 20;

    /// <summary>The root must be an object whose formatVersion is a whole number equal to the current version.</summary>
    public static void CheckShape(JsonElement root, string path)
    {
        if (root.ValueKind != JsonValueKind.Object)
            throw DataFormatException.Malformed(path, null, $"not a valid model.json (its root is {Describe(root)}, not an object)");
        var version = 0;
        if (root.TryGetProperty("formatVersion", out var v) && !(v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out version)))
            throw DataFormatException.Malformed(path, null, $"formatVersion is {Describe(v)}, not a whole number");
        if (version != ModelManifest.CurrentFormatVersion)
            throw DataFormatException.Malformed(
                path, null, $"unknown format version {version} (this tool reads version {ModelManifest.CurrentFormatVersion})");
    }

    /// <summary>Every field a detector uses: present, of the right kind and in range.</summary>
    public static void CheckFields(ModelManifest manifest, string path)
    {
        DataFormatException Bad(string problem) => DataFormatException.Malformed(path, null, problem);
        if (manifest.Architecture is null)
            throw Bad($"no architecture (expected one of {string.Join(", ", ModelFamilies.Kinds)})");
        if (!BeatNormalisation.Names.Contains(manifest.Normalisation))
            throw Bad($"unknown normalisation '{manifest.Normalisation}' (expected one of {string.Join(", ", BeatNormalisation.Names)})");
        if (manifest.Threshold is null) throw Bad("no threshold (expected an object with value, policy and chosenOn)");
        if (!double.IsFinite(manifest.Threshold.Value)) throw Bad("the threshold is not a finite number");
        if (manifest.Threshold.Policy is null) throw Bad("the threshold has no policy");
        if (string.IsNullOrWhiteSpace(manifest.Weights)) throw Bad("no weights file name (\"weights\")");
        if (string.IsNullOrWhiteSpace(manifest.BestWeights)) throw Bad("no best-weights file name (\"bestWeights\")");
        if (manifest.HyperParameters is null || manifest.DataSet is null || manifest.Protocol is null || manifest.DataSha256 is null
            || manifest.ToolVersion is null)
            throw Bad("a field is missing or null (toolVersion, hyperParameters, dataSet, protocol and dataSha256 are required)");
        if (manifest.Parameters is < 1 or > ModelLimits.MaxParameters)
            throw Bad($"parameters must be between 1 and {ModelLimits.MaxParameters:N0} (got {manifest.Parameters})");
        try
        {
            manifest.Architecture.Validate();
        }
        catch (ArgumentException e)
        {
            throw Bad($"cannot build the architecture ({Bare(e)})");
        }
        if (manifest.Record is { } record) CheckRecord(record, Bad);
        if (manifest.Members is { } members) CheckMembers(manifest, members, Bad);
    }

    private static void CheckMembers(ModelManifest manifest, IReadOnlyList<EnsembleMember> members, Func<string, DataFormatException> bad)
    {
        if (members.Count is < 2 or > Training.TrainingOptions.MaxEnsemble)
            throw bad($"members must list between 2 and {Training.TrainingOptions.MaxEnsemble} networks (got {members.Count})");
        if (members.Any(m => m is null || string.IsNullOrWhiteSpace(m.Weights) || string.IsNullOrWhiteSpace(m.BestWeights)))
            throw bad("every member needs weights and bestWeights file names");
        if (members[0].Weights != manifest.Weights || members[0].BestWeights != manifest.BestWeights)
            throw bad("the first member's weights and bestWeights must be the run's own (\"weights\", \"bestWeights\")");
    }

    private static void CheckRecord(RecordTraining record, Func<string, DataFormatException> bad)
    {
        if (string.IsNullOrWhiteSpace(record.Name) || record.Lead is null || record.BeatWindow is null)
            throw bad("the record block needs name, lead and beatWindow");
        if (!(record.Minutes > 0 && record.Minutes <= InputLimits.MaxRecordMinutes))
            throw bad($"record.minutes must be above 0 and no more than {InputLimits.MaxRecordMinutes:N0} (got {record.Minutes})");
        try
        {
            _ = BeatWindow.Parse(record.BeatWindow);
        }
        catch (FormatException e)
        {
            throw bad($"record.beatWindow: {e.Message}");
        }
        if (record.TrainingBeats is { } beats)
        {
            try { _ = TrainingBeatsNames.Parse(beats); }
            catch (FormatException e) { throw bad($"record.trainingBeats: {e.Message}"); }
        }
        if (record.ShapeShares is { } shares && (shares.Count > MaxShapeShares || shares.Any(s => !(s is >= 0 and <= 1))))
            throw bad($"record.shapeShares must be no more than {MaxShapeShares} shares, each between 0 and 1");
        if (record.QrsTemplate is { } template && (template.Count > InputLimits.MaxBeatSamples || template.Any(v => !float.IsFinite(v))))
            throw bad($"record.qrsTemplate must be no more than {InputLimits.MaxBeatSamples:N0} finite values");
    }

    // model.json keeps a handful; a longer list is not one we wrote.
    private const int MaxShapeShares = 100;

    /// <summary>The library's message without what .NET appends (" (Parameter 'x')", "Actual value was y.").</summary>
    private static string Bare(ArgumentException e)
    {
        var message = e.Message.Split('\n')[0];
        var suffix = message.IndexOf(" (Parameter '", StringComparison.Ordinal);
        return suffix < 0 ? message : message[..suffix];
    }

    private static string Describe(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Null => "null",
        JsonValueKind.String => "a string",
        JsonValueKind.Array => "an array",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Object => "an object",
        _ => "missing",
    };
}
