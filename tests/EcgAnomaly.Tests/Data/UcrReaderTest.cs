using EcgAnomaly.Data;

namespace EcgAnomaly.Tests.Data;

public sealed class UcrReaderTest
{
    [Theory]
    [InlineData("ECG5000_TRAIN", 500, new[] { 292, 177, 10, 19, 2 })]
    [InlineData("ECG5000_TEST", 4500, new[] { 2627, 1590, 86, 175, 22 })]
    public void Should_read_identical_arrays_When_the_same_split_comes_in_all_four_formats(string stem, int rows, int[] classCounts)
    {
        // Given: the same split in .tsv .txt .arff .ts (counts from shared/data/ECG5000/SOURCE.md)
        var files = UcrReader.Extensions.Select(ext => Path.Combine(TestData.Ecg5000Folder, stem + ext)).ToArray();

        // When
        var read = files.Select(UcrReader.Read).ToArray();

        // Then
        foreach (var beats in read)
        {
            Assert.Equal(rows, beats.Count);
            Assert.Equal(140, beats.Length);
            Assert.Equal(classCounts, Enumerable.Range(1, 5).Select(c => beats.Labels.Count(l => l == c)));
            Assert.Equal(read[0].Labels, beats.Labels);
            Assert.Equal(read[0].Values, beats.Values);
        }
    }

    [Fact]
    public void Should_read_the_first_values_listed_in_the_provenance_note_When_reading_train()
    {
        var beats = UcrReader.Read(Path.Combine(TestData.Ecg5000Folder, "ECG5000_TRAIN.ts"));
        Assert.Equal(1, beats.Labels[0]);
        Assert.Equal([-0.11252183f, -2.8272038f, -3.7738969f], beats.Beat(0)[..3].ToArray());
    }

    [Theory]
    [InlineData(".tsv", "1\t0.5\t0.25\n2\t-1\t2e-3\n")]
    [InlineData(".txt", "  1.0000000e+00  5.0000000e-01  2.5000000e-01\r\n  2.0000000e+00 -1.0000000e+00  2.0000000e-03\r\n")]
    [InlineData(
        ".arff",
        "% comment\n@relation x\n@attribute a numeric\n@attribute b numeric\n@attribute target {1,2}\n\n@DATA\n0.5,0.25,1\n-1,2e-3,2\n")]
    [InlineData(".ts", "#c\n@problemName x\n@classLabel true 1 2\n@data\n0.5,0.25:1\n-1,0.002:2\n")]
    public void Should_parse_labels_and_values_When_the_file_is_small_and_valid(string extension, string content)
    {
        using var dir = new TemporaryFolder();
        var file = dir.Write("small" + extension, content);

        var beats = UcrReader.Read(file);

        Assert.Equal([1, 2], beats.Labels);
        Assert.Equal([0.5f, 0.25f, -1f, 0.002f], beats.Values);
    }

    public static TheoryData<string, string, int?, int?, string> BadFiles => new()
    {
        { "empty.tsv", "", null, null, "empty" },
        { "blank.tsv", "\n\n", null, null, "empty" },
        { "word.tsv", "1\t0.5\t0.25\n1\t0.5\tabc\n", 2, 3, "'abc' is not a number" },
        { "nan.tsv", "1\t0.5\tNaN\n", 1, 3, "NaN or infinite" },
        { "inf.txt", "1 0.5 Infinity\n", 1, 3, "NaN or infinite" },
        { "overflow.arff", "@data\n1e300,0.5,1\n", 2, 1, "NaN or infinite" },
        { "ragged.tsv", "1\t0.5\t0.25\n1\t0.5\n", 2, null, "row has 1 values but earlier rows have 2" },
        { "ragged.ts", "@data\n0.5,0.25:1\n0.5,0.25,0.75:1\n", 3, null, "row has 3 values but earlier rows have 2" },
        { "nolabel.ts", "@data\n0.5,0.25\n", 2, null, "no class label" },
        { "nolabel.tsv", "\t0.5\t0.25\n", 1, null, "no class label" },
        { "unknownlabel.arff", "@data\n0.5,0.25,?\n", 2, null, "no class label" },
        { "badlabel.tsv", "1.5\t0.5\n", 1, 1, "not a whole number" },
        { "nodata.arff", "@relation x\n@attribute a numeric\n", null, null, "no @data section" },
        { "multi.ts", "@data\n0.5,0.25:0.1,0.2:1\n", 2, null, "more than one dimension" },
        { "beats.csv", "1,2,3\n", null, null, "unknown file extension '.csv'" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public void Should_name_file_line_and_problem_When_the_input_is_bad(string name, string content, int? line, int? column, string problem)
    {
        // Given
        using var dir = new TemporaryFolder();
        var file = dir.Write(name, content);

        // When
        var error = Assert.Throws<DataFormatException>(() => UcrReader.Read(file));

        // Then
        Assert.Equal(file, error.File);
        Assert.Equal(line, error.Line);
        Assert.Equal(column, error.Column);
        Assert.Contains(problem, error.Message);
        Assert.StartsWith(file, error.Message);
    }

    [Fact]
    public void Should_say_file_not_found_When_the_file_is_missing()
    {
        var error = Assert.Throws<DataFormatException>(() => UcrReader.Read("/nonexistent/ECG5000_TRAIN.tsv"));
        Assert.Equal("/nonexistent/ECG5000_TRAIN.tsv: file not found", error.Message);
    }
}
