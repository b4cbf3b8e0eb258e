using static ChainBot.Channels.Tests.Support.Vectors;

namespace ChainBot.Channels.Tests.Crypto;

/// <summary>One ciphertext vector of wechat-protocol.md §6, with everything the fact sheet states about it.</summary>
public sealed record CryptoVector(
    string Name, string Key, string KeyHex, string Token, string ReceiveId, string Timestamp, string Nonce,
    string Encrypt, string Signature, string Message, int MessageBytes, string? Random = null, int? Pad = null)
{
    public override string ToString() => Name;

    public static IEnumerable<CryptoVector> All() =>
    [
        new("V1", KeyA, KeyAHex, TokenA, ReceiveIdA, V1Timestamp, V1Nonce, V1EchoStr, V1Signature, V1Reply, 19, V1Random, 7),
        new("V2", KeyA, KeyAHex, TokenA, ReceiveIdA, V2Timestamp, V2Nonce, V2Encrypt, V2Signature, V2Message, 284, V2Random, 30),
        new("V3", KeyB, KeyBHex, TokenB, ReceiveIdB, V3Timestamp, V3Nonce, V3EchoStr, V3Signature, V3Reply, 19),
        new("V4", KeyB, KeyBHex, TokenB, ReceiveIdB, V4Timestamp, V4Nonce, V4Encrypt, V4Signature, V4Message, 228),
        new("V5", KeyB, KeyBHex, TokenB, ReceiveIdB, V5Timestamp, V5Nonce, V5Encrypt, V5Signature, V5Message, 176),
        new("V6", KeyC, KeyCHex, V6Token, V6AppId, V6Timestamp, V6Nonce, V6Encrypt, V6Signature, V6Message, 280),
        new("V7", KeyC, KeyCHex, V7Token, V7AppId, V7Timestamp, V7Nonce, V7Encrypt, V7Signature, V7Message, 19, V7Random),
        new("V8", KeyD, new string('0', 64), TokenD, AppIdD, V8Timestamp, V8Nonce, V8Encrypt, V8Signature, V8Message, 167, V8Random),
        new("V9", KeyD, new string('0', 64), TokenD, AppIdD, V9Timestamp, V9Nonce, V9Encrypt, V9Signature, V9Message, 25, V9Random, 1),
        new("G1", KeyA, KeyAHex, TokenA, ReceiveIdA, "1700000000", G1Nonce, G1Encrypt, G1Signature, G1Message, 231, G1Random, 19),
        new("G2", KeyB, KeyBHex, TokenB, "", "1700000001", G2Nonce, G2Encrypt, G2Signature, G2Message, 82, G2Random, 26),
    ];
}
