using ChainBot.Core.Text;
using FsCheck;
using FsCheck.Fluent;

// Not ChainBot.Core.Tests.Text: Specs/PostFormatter.cs names Text.TextNormalizer, which that namespace would shadow.
namespace ChainBot.Core.Tests.Text;

/// <summary><see cref="NaturalComparer"/>: buildings and rooms in the order people count them.</summary>
public class NaturalComparerTests
{
    private static readonly NaturalComparer Comparer = NaturalComparer.Instance;

    [TestCase("2", "10")]
    [TestCase("9", "12")]
    [TestCase("A3", "A12")]
    [TestCase("A12", "B1")]
    [TestCase("2号", "12号")]
    [TestCase("301", "1201")]
    [TestCase("3-201", "3-1101")]
    [TestCase("12", "12A")]
    [TestCase("1", "A")]
    [TestCase("007", "8")]
    [TestCase("99", "123456789012345678901234567890")]
    [TestCase("123456789012345678901234567890", "123456789012345678901234567891")]
    [TestCase("一区", "二区")]
    public void The_first_comes_before_the_second(string first, string second)
    {
        Assert.Multiple(() =>
        {
            Assert.That(Comparer.Compare(first, second), Is.Negative);
            Assert.That(Comparer.Compare(second, first), Is.Positive);
        });
    }

    [TestCase("12", "12")]
    [TestCase("A3", "A3")]
    [TestCase("", "")]
    public void Equal_values_compare_as_zero(string x, string y) =>
        Assert.That(Comparer.Compare(x, new string(y)), Is.Zero);

    [Test]
    public void Null_comes_first()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Comparer.Compare(null, "1"), Is.Negative);
            Assert.That(Comparer.Compare("1", null), Is.Positive);
            Assert.That(Comparer.Compare(null, null), Is.Zero);
        });
    }

    [Test]
    public void Buildings_sort_as_people_count_them()
    {
        string[] buildings = ["10", "A12", "2", "B1", "A3", "1", "3", "21", "A3-1", "100"];

        var sorted = buildings.Order(Comparer).ToArray();

        Assert.That(sorted, Is.EqualTo(new[] { "1", "2", "3", "10", "21", "100", "A3", "A3-1", "A12", "B1" }));
    }

    /// <summary>Short building-like names: digits (some with leading zeros), letters, 号 and -.</summary>
    private static Arbitrary<string> BuildingName() =>
        Gen.Elements("0", "1", "2", "3", "9", "10", "12", "A", "B", "号", "-", "区")
            .ListOf()
            .Select(parts => string.Concat(parts.Take(5)))
            .ToArbitrary();

    [FsCheck.NUnit.Property(MaxTest = 500)]
    public Property Comparing_is_antisymmetric() =>
        Prop.ForAll(BuildingName(), BuildingName(), (x, y) => Math.Sign(Comparer.Compare(x, y)) == -Math.Sign(Comparer.Compare(y, x)));

    [FsCheck.NUnit.Property(MaxTest = 300)]
    public Property Comparing_is_transitive() =>
        Prop.ForAll(BuildingName(), BuildingName(), BuildingName(), (x, y, z) =>
        {
            var sorted = new[] { x, y, z }.Order(Comparer).ToArray();
            return Comparer.Compare(sorted[0], sorted[1]) <= 0 && Comparer.Compare(sorted[1], sorted[2]) <= 0
                && Comparer.Compare(sorted[0], sorted[2]) <= 0;
        });

    [FsCheck.NUnit.Property(MaxTest = 300)]
    public Property Numbers_compare_as_numbers() =>
        Prop.ForAll(ArbMap.Default.ArbFor<uint>(), ArbMap.Default.ArbFor<uint>(), (a, b) =>
            Math.Sign(Comparer.Compare(a.ToString(System.Globalization.CultureInfo.InvariantCulture), b.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            == a.CompareTo(b));
}
