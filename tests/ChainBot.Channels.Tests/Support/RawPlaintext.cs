using System.Buffers.Binary;
using System.Security.Cryptography;

namespace ChainBot.Channels.Tests.Support;

/// <summary>
/// An independent reading of a ciphertext, with no padding removed, so tests can check the layout the fact sheet
/// states (random prefix, length field, pad count) without trusting the code under test.
/// </summary>
internal sealed record RawPlaintext(byte[] Random, uint Length, byte[] Message, byte[] ReceiveId, int Pad)
{
    public static RawPlaintext Decrypt(string keyHex, string encrypt)
    {
        byte[] key = Convert.FromHexString(keyHex);
        using var aes = Aes.Create();
        aes.Key = key;
        byte[] plain = aes.DecryptCbc(Convert.FromBase64String(encrypt), key.AsSpan(0, 16), PaddingMode.None);
        int pad = plain[^1];
        uint length = BinaryPrimitives.ReadUInt32BigEndian(plain.AsSpan(16, 4));
        return new RawPlaintext(plain[..16], length, plain[20..(20 + (int)length)], plain[(20 + (int)length)..^pad], pad);
    }
}
