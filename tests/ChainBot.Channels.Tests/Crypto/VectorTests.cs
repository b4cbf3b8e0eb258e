using System.Text;
using ChainBot.Channels.Crypto;
using ChainBot.Channels.Tests.Support;
using static ChainBot.Channels.Tests.Support.Vectors;

namespace ChainBot.Channels.Tests.Crypto;

/// <summary>Every ciphertext and signature vector of wechat-protocol.md §6, through <see cref="MessageCrypto"/>.</summary>
public class VectorTests
{
    private static MessageCrypto Crypto(CryptoVector v, RandomFill? random = null) =>
        new(v.Token, EncodingAesKey.Parse(v.Key), v.ReceiveId, random);

    [TestCaseSource(typeof(CryptoVector), nameof(CryptoVector.All))]
    public void Key_decodes_to_the_stated_bytes(CryptoVector v)
    {
        var crypto = Crypto(v);
        Assert.That(crypto.Decrypt(v.Encrypt).IsSuccess, Is.True);
        Assert.That(Convert.ToHexStringLower(RawKey(v.Key)), Is.EqualTo(v.KeyHex));
    }

    [TestCaseSource(typeof(CryptoVector), nameof(CryptoVector.All))]
    public void Signature_is_the_stated_one(CryptoVector v)
    {
        var crypto = Crypto(v);
        Assert.That(crypto.Sign(v.Timestamp, v.Nonce, v.Encrypt), Is.EqualTo(v.Signature));
        Assert.That(crypto.Verify(v.Signature, v.Timestamp, v.Nonce, v.Encrypt), Is.True);
    }

    [TestCaseSource(typeof(CryptoVector), nameof(CryptoVector.All))]
    public void Verifies_and_decrypts_to_the_exact_bytes(CryptoVector v)
    {
        var result = Crypto(v).VerifyAndDecrypt(v.Signature, v.Timestamp, v.Nonce, v.Encrypt);

        Assert.That(result.Error, Is.EqualTo(CryptoError.None), result.Reason);
        Assert.That(result.Utf8, Is.EqualTo(Encoding.UTF8.GetBytes(v.Message)));
        Assert.That(result.Utf8, Has.Length.EqualTo(v.MessageBytes));
        Assert.That(result.Message, Is.EqualTo(v.Message));
    }

    [TestCaseSource(typeof(CryptoVector), nameof(CryptoVector.All))]
    public void Layout_is_the_stated_one(CryptoVector v)
    {
        var raw = RawPlaintext.Decrypt(v.KeyHex, v.Encrypt);

        Assert.That(raw.Length, Is.EqualTo(v.MessageBytes));
        Assert.That(Encoding.UTF8.GetString(raw.ReceiveId), Is.EqualTo(v.ReceiveId));
        if (v.Random is not null)
            Assert.That(Encoding.ASCII.GetString(raw.Random), Is.EqualTo(v.Random));
        if (v.Pad is not null)
            Assert.That(raw.Pad, Is.EqualTo(v.Pad));
    }

    [TestCaseSource(typeof(CryptoVector), nameof(CryptoVector.All))]
    public void Encrypting_with_the_same_random_gives_the_exact_base64(CryptoVector v)
    {
        // The vector's own random prefix, read independently, makes encryption deterministic.
        var raw = RawPlaintext.Decrypt(v.KeyHex, v.Encrypt);
        var crypto = Crypto(v, FixedRandom.Bytes(raw.Random));

        Assert.That(crypto.Encrypt(v.Message), Is.EqualTo(v.Encrypt));
    }

    [Test]
    public void V7_OA_deterministic_encryption()
    {
        var crypto = new MessageCrypto(V7Token, EncodingAesKey.Parse(KeyC), V7AppId, FixedRandom.Ascii(V7Random));

        var sealedReply = crypto.EncryptAndSign(V7Message, V7Timestamp, V7Nonce);

        Assert.That(sealedReply.Encrypt, Is.EqualTo(V7Encrypt));
        Assert.That(sealedReply.Signature, Is.EqualTo(V7Signature));
        Assert.That(Encoding.UTF8.GetByteCount(V7Message), Is.EqualTo(19));
    }

    [Test]
    public void V9_reply_with_pad_1()
    {
        var crypto = new MessageCrypto(TokenD, EncodingAesKey.Parse(KeyD), AppIdD, FixedRandom.Ascii(V9Random));

        var sealedReply = crypto.EncryptAndSign(V9Message, V9Timestamp, V9Nonce);

        Assert.That(sealedReply.Encrypt, Is.EqualTo(V9Encrypt));
        Assert.That(sealedReply.Signature, Is.EqualTo(V9Signature));
        Assert.That(RawPlaintext.Decrypt(new string('0', 64), sealedReply.Encrypt).Pad, Is.EqualTo(1));
    }

    [Test]
    public void V2_decrypts_with_pad_30_which_dotnet_pkcs7_would_refuse()
    {
        var crypto = new MessageCrypto(TokenA, EncodingAesKey.Parse(KeyA), ReceiveIdA);

        var result = crypto.Decrypt(V2Encrypt);

        Assert.That(result.Message, Is.EqualTo(V2Message));
        Assert.That(RawPlaintext.Decrypt(KeyAHex, V2Encrypt).Pad, Is.EqualTo(30));
    }

    [Test]
    public void V4_needs_an_ordinal_sort()
    {
        // "Kl7…" sorts before "hJq…" ordinally (uppercase first); a culture-aware sort puts it after.
        string[] parts = [TokenB, V4Timestamp, V4Nonce, V4Encrypt];
        string[] culture = [.. parts];
        Array.Sort(culture, StringComparer.InvariantCulture);
        string cultureJoined = string.Concat(culture);
        using var sha1 = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA1);
        sha1.AppendData(Encoding.UTF8.GetBytes(cultureJoined));
        string cultureSignature = Convert.ToHexStringLower(sha1.GetHashAndReset());

        Assert.That(cultureSignature, Is.Not.EqualTo(V4Signature));
        Assert.That(MessageSignature.Compute(parts), Is.EqualTo(V4Signature));
    }

    [Test]
    public void G1_xml_reply_encrypts_deterministically()
    {
        var crypto = new MessageCrypto(TokenA, EncodingAesKey.Parse(KeyA), ReceiveIdA, FixedRandom.Ascii(G1Random));

        var sealedReply = crypto.EncryptAndSign(G1Message, "1700000000", G1Nonce);

        Assert.That(sealedReply.Encrypt, Is.EqualTo(G1Encrypt));
        Assert.That(sealedReply.Signature, Is.EqualTo(G1Signature));
        var raw = RawPlaintext.Decrypt(KeyAHex, G1Encrypt);
        Assert.That(raw.Length, Is.EqualTo(0xe7));
        Assert.That(Convert.FromBase64String(G1Encrypt), Has.Length.EqualTo(288));
    }

    [Test]
    public void G2_ai_bot_reply_with_an_empty_receiveid_encrypts_deterministically()
    {
        var crypto = new MessageCrypto(TokenB, EncodingAesKey.Parse(KeyB), "", FixedRandom.Ascii(G2Random));

        var sealedReply = crypto.EncryptAndSign(G2Message, "1700000001", G2Nonce);

        Assert.That(sealedReply.Encrypt, Is.EqualTo(G2Encrypt));
        Assert.That(sealedReply.Signature, Is.EqualTo(G2Signature));
        Assert.That(Convert.FromBase64String(G2Encrypt), Has.Length.EqualTo(128));
    }

    [Test]
    public void Plain_signatures()
    {
        Assert.That(MessageSignature.Compute(TokenD, P1Timestamp, P1Nonce), Is.EqualTo(P1Signature));
        Assert.That(MessageSignature.Compute(TokenD, P2Timestamp, P2Nonce), Is.EqualTo(P2Signature));
        Assert.That(MessageSignature.Matches(P2Signature, P2Nonce, TokenD, P2Timestamp), Is.True, "order of the parts does not matter");
    }

    [Test]
    public void Plain_signature_sorts_to_the_stated_string()
    {
        string[] parts = [TokenD, P2Timestamp, P2Nonce];
        Array.Sort(parts, StringComparer.Ordinal);
        Assert.That(string.Concat(parts), Is.EqualTo("1714037059486452656AAAAA"));
    }

    private static byte[] RawKey(string encodingAesKey) => Convert.FromBase64String(encodingAesKey + "=");
}
