using EcgAnomaly.Data;

namespace EcgAnomaly.Tests.Data;

public sealed class DataSplitTest
{
    [Fact]
    public void Should_split_2627_test_normals_into_1970_and_657_When_using_the_seed_protocol()
    {
        // SEED-STUDY.md: 1,970 train, 657 validation; test = all 500 of ECG5000_TRAIN (292 normal, 208 abnormal).
        var split = DataSplit.FromEcg5000(TestData.Ecg5000, EvaluationProtocol.Seed, seed: 777);

        Assert.Equal(1970, split.Train.Count);
        Assert.Equal(657, split.Validation.Count);
        Assert.Equal(500, split.Test.Count);
        Assert.All(split.Train.Labels, l => Assert.Equal(1, l));
        Assert.All(split.Validation.Labels, l => Assert.Equal(1, l));
        Assert.Equal(208, split.TestBinaryLabels().Sum());
    }

    [Fact]
    public void Should_train_on_official_train_normals_and_test_on_4500_When_using_the_official_protocol()
    {
        var split = DataSplit.FromEcg5000(TestData.Ecg5000, EvaluationProtocol.Official, seed: 777);

        Assert.Equal(219, split.Train.Count);
        Assert.Equal(73, split.Validation.Count);
        Assert.Equal(4500, split.Test.Count);
        Assert.Equal(4500 - 2627, split.TestBinaryLabels().Sum());
    }

    [Fact]
    public void Should_give_the_same_split_When_the_seed_is_the_same_and_another_when_not()
    {
        var a = DataSplit.FromEcg5000(TestData.Ecg5000, EvaluationProtocol.Seed, seed: 1);
        var b = DataSplit.FromEcg5000(TestData.Ecg5000, EvaluationProtocol.Seed, seed: 1);
        var c = DataSplit.FromEcg5000(TestData.Ecg5000, EvaluationProtocol.Seed, seed: 2);

        Assert.Equal(a.Validation.Values, b.Validation.Values);
        Assert.NotEqual(a.Validation.Values, c.Validation.Values);
    }

    [Fact]
    public void Should_keep_train_and_validation_disjoint_and_complete_When_splitting()
    {
        var split = DataSplit.FromEcg5000(TestData.Ecg5000, EvaluationProtocol.Seed, seed: 3);
        var rows = (LabelledBeats b) => Enumerable.Range(0, b.Count).Select(i => string.Join(",", b.Beat(i).ToArray()));
        var train = rows(split.Train).ToHashSet();
        var validation = rows(split.Validation).ToHashSet();
        var normals = rows(TestData.Ecg5000.Test.WithLabel(1)).ToHashSet();

        Assert.Empty(train.Intersect(validation));
        Assert.True(normals.SetEquals(train.Union(validation)));
    }
}
