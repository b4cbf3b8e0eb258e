namespace ChainBot.Channels.WeCom;

/// <summary>What a WeCom AI bot's API-mode configuration holds (wechat-protocol.md §4). Its receiveid is always empty.</summary>
/// <param name="Token">The Token: the secret in every signature.</param>
/// <param name="EncodingAesKey">The 43-character EncodingAESKey.</param>
/// <param name="BotName">
/// The bot's display name, to strip exactly its own leading <c>@BotName</c> from group messages; null to strip
/// whatever single @-mention leads the text.
/// </param>
/// <param name="TimestampAsString">
/// Writes the encrypted reply's <c>timestamp</c> as a quoted string, as Tencent's Python sample does, instead of the
/// number the documentation shows. Which forms WeCom accepts is unconfirmed (wechat-protocol.md §4); the number is
/// the default, and this switch is there should a deployment find otherwise.
/// </param>
public sealed record WeComAiBotSettings(string Token, string EncodingAesKey, string? BotName = null, bool TimestampAsString = false)
{
    /// <summary>A placeholder that never shows the token or the key.</summary>
    public override string ToString() => $"WeComAiBotSettings {{ BotName = {BotName} }}";
}
