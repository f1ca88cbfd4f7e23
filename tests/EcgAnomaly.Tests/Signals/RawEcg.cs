using EcgAnomaly.Signals;

namespace EcgAnomaly.Tests.Signals;

/// <summary>The WFDB records of the shared data (raw-ecg/, see its SOURCE.md), found like every test data set.</summary>
internal static class RawEcg
{
    public static string Record(string relative)
    {
        var path = Path.Combine(TestData.DataRoot, "raw-ecg", relative);
        if (!File.Exists(path + ".hea"))
            throw new InvalidOperationException($"The raw ECG record {path}.hea is missing from the shared data (raw-ecg/{relative}).");
        return path;
    }

    public static long[] ReferenceBeats(WfdbRecord record) =>
        WfdbAnnotationReader.Read(record.AnnotationPath()!, record.SamplingFrequency).Where(a => a.IsBeat).Select(a => a.Sample).ToArray();
}
