namespace ChainBot.Channels.Crypto;

/// <summary>
/// Fills the 16 random bytes that open every encrypted plaintext (wechat-protocol.md §0). Production uses
/// <see cref="System.Security.Cryptography.RandomNumberGenerator.Fill"/>; tests inject fixed bytes to reproduce the
/// fact sheet's deterministic vectors (V7, V9, G1, G2).
/// </summary>
/// <param name="destination">The 16 bytes to fill.</param>
public delegate void RandomFill(Span<byte> destination);
