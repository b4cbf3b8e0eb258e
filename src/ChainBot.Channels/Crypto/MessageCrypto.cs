using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace ChainBot.Channels.Crypto;

/// <summary>
/// The WXBizMsgCrypt scheme shared by the Official Account's safe mode (receiveid = AppID), WeCom app callbacks
/// (receiveid = CorpID) and the WeCom AI bot (receiveid = "") — wechat-protocol.md §0. AES-256-CBC with the IV taken
/// from the key, no library padding, and PKCS#7 to a multiple of 32 bytes done by hand; the plaintext is
/// <c>random(16) ‖ BE uint32 length ‖ message ‖ receiveid</c>.
/// </summary>
/// <remarks>
/// Immutable and thread-safe: every call creates its own <see cref="Aes"/>. Failures come back as
/// <see cref="DecryptResult"/> values and never echo the key, the token or the plaintext.
/// </remarks>
public sealed class MessageCrypto
{
    /// <summary>The length of the random prefix of every plaintext.</summary>
    public const int RandomLength = 16;

    /// <summary>Tencent pads to multiples of 32 bytes, not to AES's 16 (§0 "Padding").</summary>
    public const int PadBlock = 32;

    private const int LengthOffset = RandomLength;
    private const int MessageOffset = RandomLength + sizeof(uint);

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly string _token;
    private readonly EncodingAesKey _key;
    private readonly byte[] _receiveId;
    private readonly RandomFill _random;

    /// <summary>Creates the crypto of one account, app or bot.</summary>
    /// <param name="token">The Token from the console, the secret part of every signature.</param>
    /// <param name="key">The account's EncodingAESKey.</param>
    /// <param name="receiveId">AppID (Official Account), CorpID (WeCom app) or <c>""</c> (AI bot).</param>
    /// <param name="random">Fills the 16 random bytes of each encryption; null for a cryptographic random.</param>
    public MessageCrypto(string token, EncodingAesKey key, string receiveId, RandomFill? random = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(token);
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(receiveId);
        _token = token;
        _key = key;
        ReceiveId = receiveId;
        _receiveId = Encoding.UTF8.GetBytes(receiveId);
        _random = random ?? RandomNumberGenerator.Fill;
    }

    /// <summary>The receiver id the plaintext ends with: AppID, CorpID, or empty.</summary>
    public string ReceiveId { get; }

    /// <summary>The 4-part msg_signature of a ciphertext (or an encrypted echostr).</summary>
    public string Sign(string timestamp, string nonce, string encrypt) => MessageSignature.Compute(_token, timestamp, nonce, encrypt);

    /// <summary>The 3-part plain signature (Official Account <c>signature</c>).</summary>
    public string SignPlain(string timestamp, string nonce) => MessageSignature.Compute(_token, timestamp, nonce);

    /// <summary>True when <paramref name="msgSignature"/> signs the ciphertext exactly as received. Constant-time.</summary>
    public bool Verify(string? msgSignature, string? timestamp, string? nonce, string? encrypt) =>
        msgSignature is not null && timestamp is not null && nonce is not null && encrypt is not null
        && MessageSignature.Matches(msgSignature, _token, timestamp, nonce, encrypt);

    /// <summary>
    /// Checks the msg_signature over the Base64 text as received, then decrypts it (§0 steps 2–6).
    /// </summary>
    public DecryptResult VerifyAndDecrypt(string? msgSignature, string? timestamp, string? nonce, string? encrypt)
    {
        if (msgSignature is null || timestamp is null || nonce is null || encrypt is null)
            return DecryptResult.Failure(CryptoError.MissingParameter);
        if (!MessageSignature.Matches(msgSignature, _token, timestamp, nonce, encrypt))
            return DecryptResult.Failure(CryptoError.SignatureMismatch);
        return Decrypt(encrypt);
    }

    /// <summary>
    /// Decrypts a Base64 ciphertext without checking any signature (§0 steps 3–6): AES-CBC with no padding removal,
    /// strip the 1..32 pad, skip 16 random bytes, read the big-endian length, take the message, and require the rest
    /// to be this receiveid byte for byte.
    /// </summary>
    public DecryptResult Decrypt(string encrypt)
    {
        ArgumentNullException.ThrowIfNull(encrypt);
        byte[] cipher;
        try
        {
            cipher = Convert.FromBase64String(encrypt);
        }
        catch (FormatException)
        {
            return DecryptResult.Failure(CryptoError.InvalidBase64);
        }
        if (cipher.Length == 0 || cipher.Length % 16 != 0)
            return DecryptResult.Failure(CryptoError.InvalidCiphertextLength);

        byte[] plain;
        using (var aes = CreateAes())
            plain = aes.DecryptCbc(cipher, _key.Iv, PaddingMode.None);

        try
        {
            return ReadPlaintext(plain);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plain);
        }
    }

    private DecryptResult ReadPlaintext(ReadOnlySpan<byte> plain)
    {
        int pad = plain[^1];
        if (pad is < 1 or > PadBlock || pad > plain.Length)
            return DecryptResult.Failure(CryptoError.InvalidPadding);
        var content = plain[..^pad];
        if (content.Length < MessageOffset)
            return DecryptResult.Failure(CryptoError.InvalidLayout);
        uint length = BinaryPrimitives.ReadUInt32BigEndian(content.Slice(LengthOffset, sizeof(uint)));
        if (length > (uint)(content.Length - MessageOffset))
            return DecryptResult.Failure(CryptoError.InvalidLayout);
        var message = content.Slice(MessageOffset, (int)length);
        if (!content[(MessageOffset + (int)length)..].SequenceEqual(_receiveId))
            return DecryptResult.Failure(CryptoError.ReceiveIdMismatch);

        string text;
        try
        {
            text = StrictUtf8.GetString(message);
        }
        catch (DecoderFallbackException)
        {
            return DecryptResult.Failure(CryptoError.InvalidUtf8);
        }
        return DecryptResult.Success(text, message.ToArray());
    }

    /// <summary>Encrypts a message (its UTF-8 bytes) to the Base64 ciphertext of the Encrypt field.</summary>
    public string Encrypt(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return Encrypt(Encoding.UTF8.GetBytes(message));
    }

    /// <summary>Encrypts message bytes to the Base64 ciphertext of the Encrypt field.</summary>
    public string Encrypt(ReadOnlySpan<byte> message)
    {
        int length = MessageOffset + message.Length + _receiveId.Length;
        int pad = PadBlock - length % PadBlock; // 1..32: a whole block of 32 when already aligned
        var plain = new byte[length + pad];
        try
        {
            _random(plain.AsSpan(0, RandomLength));
            BinaryPrimitives.WriteUInt32BigEndian(plain.AsSpan(LengthOffset), (uint)message.Length);
            message.CopyTo(plain.AsSpan(MessageOffset));
            _receiveId.CopyTo(plain.AsSpan(MessageOffset + message.Length));
            plain.AsSpan(length).Fill((byte)pad);
            using var aes = CreateAes();
            return Convert.ToBase64String(aes.EncryptCbc(plain, _key.Iv, PaddingMode.None));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plain);
        }
    }

    /// <summary>
    /// Encrypts a reply and signs it with the given timestamp and nonce: what the passive-reply wrappers carry
    /// (§1.3 <c>Encrypt/MsgSignature/TimeStamp/Nonce</c>, §4 <c>encrypt/msgsignature/timestamp/nonce</c>).
    /// </summary>
    public EncryptedMessage EncryptAndSign(string message, string timestamp, string nonce)
    {
        ArgumentNullException.ThrowIfNull(timestamp);
        ArgumentNullException.ThrowIfNull(nonce);
        string encrypt = Encrypt(message);
        return new EncryptedMessage(encrypt, Sign(timestamp, nonce, encrypt), timestamp, nonce);
    }

    private Aes CreateAes()
    {
        var aes = Aes.Create();
        aes.Key = _key.Key.ToArray();
        return aes;
    }
}
