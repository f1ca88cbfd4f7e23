using System.Text.Json;
using System.Text.Json.Serialization;

namespace EcgAnomaly.RunFolders;

/// <summary>The JSON conventions of run files: camelCase, indented, enums as strings.</summary>
public static class RunJson
{
    /// <summary>The serializer options every run file is written and read with.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary><paramref name="value"/> as run-file JSON, ending with a newline.</summary>
    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options) + "\n";
}
