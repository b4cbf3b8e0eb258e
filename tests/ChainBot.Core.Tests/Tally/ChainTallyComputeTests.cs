using System.Collections.Immutable;
using ChainBot.Core.Chains;
using ChainBot.Core.Tally;
using ChainBot.Core.Tests.Specs;
using static ChainBot.Core.Tests.Tally.TallyFixture;

namespace ChainBot.Core.Tests.Tally;

/// <summary><see cref="ChainTally.Compute"/>: the tally of a whole post equals a builder fed its entries.</summary>
public class ChainTallyComputeTests
{
    [Test]
    public void Compute_equals_a_builder_fed_the_same_entries()
    {
        ImmutableArray<ChainEntry> entries =
        [
            Entry(new Address("一区", "12", null, "301"), "王", new ItemQuantity("鸡蛋", 2m, "盒")),
            Entry(new Address("一区", "12", null, "301"), "王", new ItemQuantity("牛奶", 1m, "箱")),
            Entry(new Address(null, "3", "2", "601"), "蒋", new ItemQuantity("酸奶", 3m, "提")) with { Status = EntryStatus.Cancelled },
            Entry(Floor("8", "3"), "孙", new ItemQuantity("鸡蛋", 1m, "盒")),
            Entry(default, "Amy", new ItemQuantity("西瓜", 1m, "个")),
        ];
        var post = new ChainPost(ChainHeader.Empty with { Catalogue = ThreeItems }, entries, []);

        var builder = new TallyBuilder(ThreeItems);
        foreach (var entry in entries)
            builder.Add(entry);

        Assert.That(Rows(ChainTally.Compute(post)), Is.EqualTo(Rows(builder.Build())));
    }

    /// <summary>Every sample chain: the tally of its post equals a builder over its entries.</summary>
    public static IEnumerable<TestCaseData> SamplePaths() =>
        Directory.GetFiles(RepositoryPaths.SampleDirectory, "*.txt")
            .Where(p => !p.EndsWith(".expected.txt", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(p => new TestCaseData(Path.GetFileName(p)).SetName("Compute_equals_builder_" + Path.GetFileNameWithoutExtension(p)));

    [TestCaseSource(nameof(SamplePaths))]
    public void Compute_equals_a_builder_over_a_parsed_sample(string file)
    {
        var post = ChainText.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.SampleDirectory, file)), SpecExample.MessageTime);
        var builder = new TallyBuilder(post.Header.Catalogue);
        foreach (var entry in post.Entries)
            builder.Add(entry);

        var computed = Rows(ChainTally.Compute(post));
        Assert.Multiple(() =>
        {
            Assert.That(post.Entries, Is.Not.Empty);
            Assert.That(computed, Is.EqualTo(Rows(builder.Build())));
        });
    }

    [Test]
    public void Compute_refuses_null() => Assert.Throws<ArgumentNullException>(() => ChainTally.Compute(null!));
}
