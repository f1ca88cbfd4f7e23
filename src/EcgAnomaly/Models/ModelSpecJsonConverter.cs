using System.Text.Json;
using System.Text.Json.Serialization;

namespace EcgAnomaly.Models;

/// <summary>
/// Reads a spec as the family its <c>kind</c> names (sizes other families use, which model.json files before the typed
/// specs wrote as 0, are ignored) and writes the concrete record.
/// </summary>
internal sealed class ModelSpecJsonConverter : JsonConverter<ModelSpec>
{
    public override bool CanConvert(Type typeToConvert) => typeToConvert == typeof(ModelSpec);

    public override ModelSpec? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object) throw new JsonException("the architecture is not a JSON object");
        var kind = root.EnumerateObject().FirstOrDefault(p => string.Equals(p.Name, "kind", StringComparison.OrdinalIgnoreCase)).Value;
        var name = kind.ValueKind == JsonValueKind.String ? kind.GetString() : null;
        var family = ModelFamilies.Find(name)
            ?? throw new JsonException($"unknown architecture '{name}' (expected one of {string.Join(", ", ModelFamilies.Kinds)})");
        return (ModelSpec?)root.Deserialize(family.SpecType, options);
    }

    public override void Write(Utf8JsonWriter writer, ModelSpec value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, value, value.GetType(), options);
}
