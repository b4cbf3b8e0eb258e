namespace ChainBot.Channels.WeCom;

/// <summary>A push the WeCom app verified and decrypted, with the request's nonce that the encrypted reply reuses.</summary>
/// <param name="Message">The message or event.</param>
/// <param name="Nonce">The request's nonce.</param>
public sealed record WeComInbound(WeComMessage Message, string Nonce);
