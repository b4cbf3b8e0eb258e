namespace ChainBot.Channels.WeChat;

/// <summary>
/// A push the Official Account verified and read: the message, and what the passive reply to it needs (the mode
/// decides whether it is encrypted; the request's nonce is reused in the encrypted reply, as the current docs do).
/// </summary>
/// <param name="Message">The message or event.</param>
/// <param name="Mode">How the request was encrypted.</param>
/// <param name="Nonce">The request's nonce.</param>
public sealed record WeChatInbound(WeChatMessage Message, WeChatMode Mode, string Nonce);
