namespace ChainBot.Channels.WeChat;

/// <summary>What an Official Account's server configuration (服务器配置) holds.</summary>
/// <param name="Token">The Token: the secret in every signature.</param>
/// <param name="AppId">The AppID: the receiveid of the encrypted messages.</param>
/// <param name="EncodingAesKey">The 43-character EncodingAESKey; null for plaintext mode only.</param>
/// <param name="AllowPlaintext">
/// With a key configured, whether plaintext pushes are still accepted. False by default: a plaintext push is signed
/// without its body, so once the account is in safe mode a plaintext one is a forgery or a misconfiguration.
/// </param>
public sealed record OfficialAccountSettings(string Token, string AppId, string? EncodingAesKey = null, bool AllowPlaintext = false)
{
    /// <summary>A placeholder that never shows the token or the key.</summary>
    public override string ToString() =>
        $"OfficialAccountSettings {{ AppId = {AppId}, Encrypted = {EncodingAesKey is not null}, AllowPlaintext = {AllowPlaintext} }}";
}
