using EcgAnomaly.Signals;

namespace EcgAnomaly.Tests.Signals;

public class EcgLeadsTest
{
    // Descriptions in the style of PhysioNet's multi-signal databases and of EDF exports; the expected index is the
    // first lead in the documented order (MLII, ECG, II, V1-V6, I, III, aVR, aVL, aVF).
    public static TheoryData<string[], int?> Cases => new()
    {
        { ["ABP", "PLETH", "II", "V"], 2 },
        { ["V5", "MLII"], 1 },
        { ["V5", "V2"], 1 },
        { ["RESP", "ECG1", "ECG2"], 1 },
        { ["EEG Fpz-Cz", "EOG horizontal", "Resp oro-nasal"], null },
        { ["ABP", "PAP", "record 1, signal 2"], null },
        { ["record 1, signal 0", "record 1, signal 1"], 0 },
        { [""], 0 },
        { ["Pleth", "ECG lead II", "ECG V1"], 1 },
        { ["aVF", "EKG-III"], 1 },
        { ["i", "ii", "iii", "avr"], 1 },
        { ["BP", "Thorax ECG"], 1 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Should_choose_the_preferred_ECG_lead_When_given_signal_descriptions(string[] descriptions, int? expected) =>
        Assert.Equal(expected, EcgLeads.Choose(descriptions));

    [Fact]
    public void Should_choose_a_lead_named_as_ECG_in_its_header_When_opening_every_raw_ecg_record()
    {
        // Given: every record of raw-ecg/ (the headers name the leads: MLII, V1, V2, V4, V5, ECG)
        var headers = Directory.EnumerateFiles(Path.Combine(TestData.DataRoot, "raw-ecg"), "*.hea", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal).ToArray();
        Assert.True(headers.Length >= 49, $"expected the 48 MIT-BIH records and SVDB 800, found {headers.Length} headers");

        foreach (var header in headers)
        {
            // When: no lead is named
            var record = EcgRecording.Open(header);
            var lead = record.DefaultLead();

            // Then: the lead is MLII whenever the header has one, else an ECG lead by its description
            var descriptions = record.Signals.Select(s => s.Description).ToArray();
            var expected = Array.IndexOf(descriptions, "MLII") is >= 0 and var mlii ? mlii : -1;
            if (expected >= 0) Assert.True(lead == expected, $"{header}: chose {lead}, MLII is {expected}");
            else Assert.Matches("^(V[1-6]|ECG)$", descriptions[lead]);
        }
    }

    [Fact]
    public void Should_refuse_naming_the_signals_When_no_signal_is_an_ECG()
    {
        using var folder = new TemporaryFolder();
        var path = folder.Combine("bp.hea");
        File.WriteAllBytes(folder.Combine("bp.dat"), new byte[40]);
        File.WriteAllText(path, "bp 2 125 10\nbp.dat 16 1 0 0 0 0 0 ABP\nbp.dat 16 1 0 0 0 0 0 RESP\n");
        var record = EcgRecording.Open(path);

        var error = Assert.Throws<DataFormatException>(() => record.DefaultLead());

        Assert.Contains("bp.hea", error.Message);
        Assert.Contains("0 = ABP, 1 = RESP", error.Message);
        Assert.Equal(1, record.ResolveLead("RESP"));
    }
}
