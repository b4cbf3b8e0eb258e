using System.Text;
using ChainBot.Channels.Crypto;
using FsCheck;
using FsCheck.Fluent;
using static ChainBot.Channels.Tests.Support.Vectors;

namespace ChainBot.Channels.Tests.Crypto;

/// <summary>Round trips and everything a tampered or foreign message must be refused for.</summary>
public class MessageCryptoTests
{
    private static readonly MessageCrypto WeCom = new(TokenA, EncodingAesKey.Parse(KeyA), ReceiveIdA);
    private static readonly MessageCrypto AiBot = new(TokenB, EncodingAesKey.Parse(KeyB), "");

    [TestCase("")]
    [TestCase("a")]
    [TestCase("12345678901")] // with the 20-byte header and an 18-byte receiveid: 49 bytes
    [TestCase("接龙\n1. 12号301 王阿姨 1份 🥬")]
    public void Round_trip(string message)
    {
        foreach (var crypto in new[] { WeCom, AiBot })
        {
            var sealedMessage = crypto.EncryptAndSign(message, "1700000000", "nonce");
            var result = crypto.VerifyAndDecrypt(sealedMessage.Signature, "1700000000", "nonce", sealedMessage.Encrypt);
            Assert.That(result.Message, Is.EqualTo(message));
        }
    }

    [Test]
    public void Every_length_round_trips_and_pads_to_32()
    {
        for (int n = 0; n < 100; n++)
        {
            string message = new('x', n);
            string encrypt = WeCom.Encrypt(message);
            Assert.That(Convert.FromBase64String(encrypt).Length % 32, Is.Zero, $"length {n}");
            Assert.That(WeCom.Decrypt(encrypt).Message, Is.EqualTo(message), $"length {n}");
        }
    }

    [Test]
    public void Default_random_differs_between_encryptions()
    {
        Assert.That(WeCom.Encrypt("same"), Is.Not.EqualTo(WeCom.Encrypt("same")));
    }

    [Test]
    public void Tampered_signature_is_rejected()
    {
        string bad = "0" + V2Signature[1..];
        var result = WeCom.VerifyAndDecrypt(bad, V2Timestamp, V2Nonce, V2Encrypt);
        Assert.That(result.Error, Is.EqualTo(CryptoError.SignatureMismatch));
        Assert.That(result.Message, Is.Null);
        Assert.That(WeCom.VerifyAndDecrypt(V2Signature.ToUpperInvariant(), V2Timestamp, V2Nonce, V2Encrypt).Error,
            Is.EqualTo(CryptoError.SignatureMismatch), "signatures are lowercase hex");
        Assert.That(WeCom.VerifyAndDecrypt(V2Signature[..^1], V2Timestamp, V2Nonce, V2Encrypt).Error,
            Is.EqualTo(CryptoError.SignatureMismatch));
    }

    [Test]
    public void Tampered_timestamp_nonce_or_ciphertext_breaks_the_signature()
    {
        Assert.That(WeCom.VerifyAndDecrypt(V2Signature, "1409659814", V2Nonce, V2Encrypt).Error, Is.EqualTo(CryptoError.SignatureMismatch));
        Assert.That(WeCom.VerifyAndDecrypt(V2Signature, V2Timestamp, "1372623148", V2Encrypt).Error, Is.EqualTo(CryptoError.SignatureMismatch));
        string tampered = "S" + V2Encrypt[1..];
        Assert.That(WeCom.VerifyAndDecrypt(V2Signature, V2Timestamp, V2Nonce, tampered).Error, Is.EqualTo(CryptoError.SignatureMismatch));
    }

    [Test]
    public void Missing_parameters_are_reported()
    {
        Assert.That(WeCom.VerifyAndDecrypt(null, V2Timestamp, V2Nonce, V2Encrypt).Error, Is.EqualTo(CryptoError.MissingParameter));
        Assert.That(WeCom.VerifyAndDecrypt(V2Signature, V2Timestamp, V2Nonce, null).Error, Is.EqualTo(CryptoError.MissingParameter));
        Assert.That(WeCom.Verify(V2Signature, null, V2Nonce, V2Encrypt), Is.False);
    }

    [Test]
    public void Tampered_ciphertext_is_refused_without_throwing()
    {
        byte[] cipher = Convert.FromBase64String(V2Encrypt);
        for (int i = 0; i < cipher.Length; i += 7)
        {
            byte[] copy = (byte[])cipher.Clone();
            copy[i] ^= 0x5A;
            var result = WeCom.Decrypt(Convert.ToBase64String(copy));
            // CBC has no MAC: a flip in an early block may still decrypt, but never to the original message.
            Assert.That(result.Message, Is.Not.EqualTo(V2Message), $"byte {i}");
        }
        byte[] lastBlock = (byte[])cipher.Clone();
        lastBlock[^20] ^= 0x01; // damages the padding byte's block
        Assert.That(WeCom.Decrypt(Convert.ToBase64String(lastBlock)).IsSuccess, Is.False);
    }

    [Test]
    public void Foreign_receiveid_is_rejected()
    {
        var otherCorp = new MessageCrypto(TokenA, EncodingAesKey.Parse(KeyA), "wx5823bf96d3bd56c8");
        Assert.That(otherCorp.Decrypt(V2Encrypt).Error, Is.EqualTo(CryptoError.ReceiveIdMismatch));

        var aiBotWithKeyA = new MessageCrypto(TokenA, EncodingAesKey.Parse(KeyA), "");
        Assert.That(aiBotWithKeyA.Decrypt(V2Encrypt).Error, Is.EqualTo(CryptoError.ReceiveIdMismatch), "the AI bot's tail must be empty");

        var prefix = new MessageCrypto(TokenA, EncodingAesKey.Parse(KeyA), "wx5823bf96d3bd56c");
        Assert.That(prefix.Decrypt(V2Encrypt).Error, Is.EqualTo(CryptoError.ReceiveIdMismatch), "byte-exact, not a prefix match");

        var upper = new MessageCrypto(TokenA, EncodingAesKey.Parse(KeyA), ReceiveIdA.ToUpperInvariant());
        Assert.That(upper.Decrypt(V2Encrypt).Error, Is.EqualTo(CryptoError.ReceiveIdMismatch), "byte-exact, not case-insensitive");
    }

    [Test]
    public void Wrong_key_is_refused_without_throwing()
    {
        var wrong = new MessageCrypto(TokenA, EncodingAesKey.Parse(KeyB), ReceiveIdA);
        var result = wrong.Decrypt(V2Encrypt);
        Assert.That(result.IsSuccess, Is.False);
        Assert.That(result.Error, Is.AnyOf(CryptoError.InvalidPadding, CryptoError.InvalidLayout, CryptoError.ReceiveIdMismatch, CryptoError.InvalidUtf8));
    }

    [TestCase("not base64!", CryptoError.InvalidBase64)]
    [TestCase("", CryptoError.InvalidCiphertextLength)]
    [TestCase("AAAA", CryptoError.InvalidCiphertextLength)]
    public void Malformed_ciphertext_is_a_value(string encrypt, CryptoError expected)
    {
        Assert.That(WeCom.Decrypt(encrypt).Error, Is.EqualTo(expected));
    }

    [Test]
    public void Length_field_past_the_end_is_a_layout_error()
    {
        // A well-padded plaintext whose length field claims more bytes than there are.
        byte[] plain = new byte[64];
        plain[19] = 200;
        plain.AsSpan(44).Fill(20);
        Assert.That(DecryptRaw(plain).Error, Is.EqualTo(CryptoError.InvalidLayout));
    }

    [Test]
    public void Pad_of_zero_or_over_32_is_refused()
    {
        byte[] zero = new byte[64];
        Assert.That(DecryptRaw(zero).Error, Is.EqualTo(CryptoError.InvalidPadding));
        byte[] big = new byte[64];
        big[^1] = 33;
        Assert.That(DecryptRaw(big).Error, Is.EqualTo(CryptoError.InvalidPadding));
    }

    [Test]
    public void Invalid_utf8_message_is_a_value()
    {
        byte[] message = [0xC3, 0x28];
        string encrypt = WeCom.Encrypt(message);
        Assert.That(WeCom.Decrypt(encrypt).Error, Is.EqualTo(CryptoError.InvalidUtf8));
    }

    [Test]
    public void Reasons_never_echo_secrets()
    {
        foreach (CryptoError error in Enum.GetValues<CryptoError>())
        {
            string reason = DecryptResult.Describe(error);
            Assert.That(reason, Does.Not.Contain(TokenA).And.Not.Contain(KeyA[..8]));
        }
    }

    [FsCheck.NUnit.Property(MaxTest = 300)]
    public Property Arbitrary_ciphertext_never_throws() => Prop.ForAll(
        ArbMap.Default.GeneratorFor<byte[]>().Select(b => b.Length == 0 ? b : b[..(b.Length / 16 * 16)]).ToArbitrary(),
        bytes => !WeCom.Decrypt(Convert.ToBase64String(bytes)).IsSuccess || bytes.Length >= 32);

    [FsCheck.NUnit.Property(MaxTest = 200)]
    public Property Any_text_round_trips() => Prop.ForAll(ArbMap.Default.ArbFor<string>(), text =>
    {
        text ??= "";
        string expected = Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(text)); // lone surrogates become U+FFFD
        return AiBot.Decrypt(AiBot.Encrypt(text)).Message == expected;
    });

    private static DecryptResult DecryptRaw(byte[] plain)
    {
        byte[] key = Convert.FromHexString(KeyAHex);
        using var aes = System.Security.Cryptography.Aes.Create();
        aes.Key = key;
        byte[] cipher = aes.EncryptCbc(plain, key.AsSpan(0, 16), System.Security.Cryptography.PaddingMode.None);
        return WeCom.Decrypt(Convert.ToBase64String(cipher));
    }
}
