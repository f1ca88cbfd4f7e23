using System.Text.Json;
using System.Text.Json.Serialization;
using EcgAnomaly.Signals;

namespace EcgAnomaly.Databases;

/// <summary>
/// <see cref="Ec57Counts"/> as JSON a person can read: the matrix as rows of reference labels (N S V F Q O X), each
/// with the algorithm's labels (n s v f q o x; the O and X rows have no o and x), and bxb's shutdown and RR totals.
/// Exact integers and round-trip doubles, so that counts read back add up to the same gross totals.
/// </summary>
internal sealed class Ec57CountsJsonConverter : JsonConverter<Ec57Counts>
{
    private static readonly Ec57Label[] Labels = Enum.GetValues<Ec57Label>();

    public override Ec57Counts Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        var root = document.RootElement;
        var matrix = new long[Labels.Length, Labels.Length];
        try
        {
            foreach (var row in Property(root, "matrix").EnumerateObject())
            {
                var r = Label(row.Name, upper: true);
                foreach (var cell in row.Value.EnumerateObject())
                    matrix[(int)r, (int)Label(cell.Name, upper: false)] = cell.Value.GetInt64();
            }
            return new Ec57Counts(matrix, Property(root, "shutdownSeconds").GetInt64(), Property(root, "rrErrorSquaresMs").GetDouble(),
                Property(root, "rrIntervalCount").GetInt64());
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or ArgumentException)
        {
            // The merge names the file; the problem in the counts is said here.
            throw new JsonException($"counts: {e.Message}", e);
        }
    }

    public override void Write(Utf8JsonWriter writer, Ec57Counts value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteStartObject("matrix");
        foreach (var r in Labels)
        {
            writer.WriteStartObject(r.ToString());
            foreach (var c in Labels)
                if (r < Ec57Label.O || c < Ec57Label.O) writer.WriteNumber(c.ToString().ToLowerInvariant(), value[r, c]);
            writer.WriteEndObject();
        }
        writer.WriteEndObject();
        writer.WriteNumber("shutdownSeconds", value.ShutdownSeconds);
        writer.WriteNumber("rrErrorSquaresMs", value.RrErrorSquaresMs);
        writer.WriteNumber("rrIntervalCount", value.RrIntervalCount);
        writer.WriteEndObject();
    }

    private static JsonElement Property(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? value : throw new FormatException($"'{name}' is missing");

    private static Ec57Label Label(string name, bool upper)
    {
        var label = Labels.FirstOrDefault(l => l.ToString() == (upper ? name : name.ToUpperInvariant()), (Ec57Label)(-1));
        var expected = upper ? name.ToUpperInvariant() : name.ToLowerInvariant();
        if ((int)label < 0 || name != expected) throw new FormatException($"'{name}' is not a label of the matrix");
        return label;
    }
}
