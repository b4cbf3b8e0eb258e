namespace ChainBot.Channels.WeCom;

/// <summary>What a WeCom self-built app's callback configuration (接收消息) holds.</summary>
/// <param name="Token">The Token: the secret in every signature.</param>
/// <param name="EncodingAesKey">The 43-character EncodingAESKey.</param>
/// <param name="CorpId">The CorpID: the receiveid of every message (a third-party suite's suiteid instead).</param>
public sealed record WeComAppSettings(string Token, string EncodingAesKey, string CorpId)
{
    /// <summary>A placeholder that never shows the token or the key.</summary>
    public override string ToString() => $"WeComAppSettings {{ CorpId = {CorpId} }}";
}
