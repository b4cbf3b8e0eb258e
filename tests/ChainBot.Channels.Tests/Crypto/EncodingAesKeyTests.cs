using ChainBot.Channels.Crypto;
using static ChainBot.Channels.Tests.Support.Vectors;

namespace ChainBot.Channels.Tests.Crypto;

public class EncodingAesKeyTests
{
    [TestCase("")]
    [TestCase("abc")]
    [TestCase("jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2")]   // 42
    [TestCase("jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2CC")] // 44
    [TestCase("jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C=")] // 44 with the '=' already on
    public void Wrong_length_is_rejected_with_a_clear_exception(string value)
    {
        var e = Assert.Throws<ArgumentException>(() => EncodingAesKey.Parse(value));
        Assert.That(e!.Message, Does.Contain("43"));
        Assert.That(e.ParamName, Is.EqualTo("encodingAesKey"));
    }

    [TestCase("jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B+C")]
    [TestCase("jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B/C")]
    [TestCase("jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B C")]
    [TestCase("jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B中C")]
    public void Characters_outside_the_alphabet_are_rejected(string value)
    {
        var e = Assert.Throws<ArgumentException>(() => EncodingAesKey.Parse(value));
        Assert.That(e!.Message, Does.Contain("[A-Za-z0-9]"));
    }

    [Test]
    public void The_message_never_repeats_the_key()
    {
        string almost = KeyA[..^1] + "!";
        var e = Assert.Throws<ArgumentException>(() => EncodingAesKey.Parse(almost));
        Assert.That(e!.Message, Does.Not.Contain(KeyA[..10]));
        Assert.That(EncodingAesKey.Parse(KeyA).ToString(), Does.Not.Contain(KeyA[..10]));
    }

    [Test]
    public void TryParse_reports_without_throwing()
    {
        Assert.That(EncodingAesKey.TryParse(null, out _, out string? error), Is.False);
        Assert.That(error, Is.Not.Empty);
        Assert.That(EncodingAesKey.TryParse(KeyB, out var key, out error), Is.True);
        Assert.That(key, Is.Not.Null);
        Assert.That(error, Is.Null);
    }

    [Test]
    public void Key_D_is_32_zero_bytes()
    {
        var crypto = new MessageCrypto(TokenD, EncodingAesKey.Parse(KeyD), AppIdD);
        Assert.That(crypto.Decrypt(V9Encrypt).Message, Is.EqualTo(V9Message));
    }
}
