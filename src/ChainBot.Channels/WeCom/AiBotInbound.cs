namespace ChainBot.Channels.WeCom;

/// <summary>An AI bot callback verified and decrypted, with the request's nonce that the encrypted reply reuses.</summary>
/// <param name="Message">The message, poll or event.</param>
/// <param name="Nonce">The callback's nonce.</param>
public sealed record AiBotInbound(AiBotMessage Message, string Nonce);
