using EcgAnomaly.Data;

namespace EcgAnomaly.Tests.Data;

public sealed class DataLocatorTest
{
    [Fact]
    public void Should_accept_the_parent_folder_or_the_ECG5000_folder_When_given_with_data()
    {
        Assert.Equal(TestData.Ecg5000Folder, DataLocator.LocateEcg5000(TestData.DataRoot));
        Assert.Equal(TestData.Ecg5000Folder, DataLocator.LocateEcg5000(TestData.Ecg5000Folder));
    }

    [Fact]
    public void Should_say_what_to_do_When_no_folder_holds_the_data()
    {
        using var empty = new TemporaryFolder();
        var error = Assert.Throws<DataFormatException>(() => DataLocator.LocateEcg5000(empty.Path));
        Assert.Contains("ECG5000 data set not found", error.Message);
        // in the library's words, not a command-line flag's
        Assert.Contains("the folder given must hold ECG5000/ECG5000_TRAIN.* and ECG5000_TEST.*", error.Message);
        Assert.DoesNotContain("--", error.Message);
    }

    [Fact]
    public void Should_use_the_environment_variable_When_no_data_option_is_given()
    {
        using var cache = new TemporaryFolder();
        Assert.Equal(TestData.Ecg5000Folder, DataLocator.LocateEcg5000(null, TestData.DataRoot, cache.Path));
    }

    [Fact]
    public void Should_fall_back_to_the_cache_and_name_the_download_command_When_nothing_is_set()
    {
        using var cache = new TemporaryFolder();
        var error = Assert.Throws<DataFormatException>(() => DataLocator.LocateEcg5000(null, environmentValue: null, cache.Path));
        Assert.Contains("ecg-anomaly download", error.Message);
        Assert.Contains(cache.Path, error.Message);
    }
}
