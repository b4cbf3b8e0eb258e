using ChainBot.Core.Text;

// Not ChainBot.Core.Tests.Text: Specs/PostFormatter.cs names Text.TextNormalizer, which that namespace would shadow.
namespace ChainBot.Core.Tests.Text;

/// <summary>
/// <see cref="StringPool"/>: one instance per distinct value, so a chain of thousands of entries holds "12" and
/// "王阿姨" once; values too long to be worth pooling still come back right.
/// </summary>
public class StringPoolTests
{
    [TestCase("王阿姨")]
    [TestCase("0301")]
    [TestCase("A3")]
    [TestCase("12345")]
    [TestCase("0")]
    [TestCase("Amy")]
    [TestCase("放门口就行")]
    [TestCase("12")]
    [TestCase("9999")]
    public void Equal_values_get_the_same_instance(string value)
    {
        var pool = new StringPool();
        // Two separate buffers: the pool must find the value by its characters.
        char[] first = value.ToCharArray();
        char[] second = value.ToCharArray();

        string a = pool.Get(first);
        string b = pool.Get(second);

        Assert.Multiple(() =>
        {
            Assert.That(a, Is.EqualTo(value));
            Assert.That(b, Is.SameAs(a));
        });
    }

    [Test]
    public void Different_values_get_different_strings()
    {
        var pool = new StringPool();

        Assert.Multiple(() =>
        {
            Assert.That(pool.Get("301"), Is.EqualTo("301"));
            Assert.That(pool.Get("0301"), Is.EqualTo("0301"));
            Assert.That(pool.Get("王"), Is.EqualTo("王"));
            Assert.That(pool.Get("王阿姨"), Is.EqualTo("王阿姨"));
        });
    }

    [TestCase("1")]
    [TestCase("12")]
    [TestCase("301")]
    [TestCase("1201")]
    public void Small_numbers_are_shared_between_pools(string number)
    {
        string a = new StringPool().Get(number.ToCharArray());
        string b = new StringPool().Get(number.ToCharArray());

        Assert.That(b, Is.SameAs(a));
    }

    [Test]
    public void The_empty_value_is_the_empty_string() => Assert.That(new StringPool().Get([]), Is.SameAs(string.Empty));

    [TestCase(17)]
    [TestCase(100)]
    [TestCase(100_000)]
    public void A_long_value_comes_back_whole(int length)
    {
        var pool = new StringPool();
        string value = string.Concat(Enumerable.Range(0, length).Select(i => (char)('甲' + (i % 50))));

        string a = pool.Get(value.ToCharArray());
        string b = pool.Get(value.ToCharArray());

        Assert.Multiple(() =>
        {
            Assert.That(a, Is.EqualTo(value));
            Assert.That(b, Is.EqualTo(value));
            // Short values are still pooled after long ones.
            Assert.That(pool.Get("王阿姨".ToCharArray()), Is.SameAs(pool.Get("王阿姨".ToCharArray())));
        });
    }

    [Test]
    public void Values_past_the_pool_s_bound_still_come_back_right()
    {
        var pool = new StringPool();
        const int Count = 70_000; // more distinct values than the pool keeps

        var wrong = Enumerable.Range(0, Count)
            .Select(i => "户" + i.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Where(v => pool.Get(v.ToCharArray()) != v)
            .ToList();

        Assert.Multiple(() =>
        {
            Assert.That(wrong, Is.Empty);
            // The values pooled first are still shared.
            Assert.That(pool.Get("户0".ToCharArray()), Is.SameAs(pool.Get("户0".ToCharArray())));
        });
    }
}
