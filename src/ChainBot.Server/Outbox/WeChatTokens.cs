using System.Collections.Concurrent;
using System.Globalization;
using ChainBot.Channels.Api;
using ChainBot.Server.Endpoints;

namespace ChainBot.Server.Outbox;

/// <summary>
/// Each Official Account's access_token (wechat-protocol.md §1.4), fetched from one place and kept until shortly
/// before it expires: every fetch invalidates the previous token, so fetches of one account never overlap.
/// </summary>
internal sealed class WeChatTokens(WeChatAccounts accounts, IHttpClientFactory clients, TimeProvider time) : IDisposable
{
    private readonly ConcurrentDictionary<string, AccessToken> _tokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new(StringComparer.Ordinal);

    /// <summary>The account's token, fetched if it has none or it is about to expire; null with the reason when the fetch failed.</summary>
    public async Task<(AccessToken? Token, string? Error)> GetAsync(string account, CancellationToken cancellationToken)
    {
        if (_tokens.TryGetValue(account, out var token) && !token.NeedsRefresh(time.GetUtcNow()))
            return (token, null);
        var gate = _locks.GetOrAdd(account, static _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_tokens.TryGetValue(account, out token) && !token.NeedsRefresh(time.GetUtcNow()))
                return (token, null);
            return await FetchAsync(account, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Forgets a token the platform refused (40001, 42001): the next send fetches a new one.</summary>
    public void Invalidate(string account, AccessToken refused)
    {
        if (_tokens.TryGetValue(account, out var current) && current == refused)
            _tokens.TryRemove(account, out _);
    }

    private async Task<(AccessToken? Token, string? Error)> FetchAsync(string account, CancellationToken cancellationToken)
    {
        if (!accounts.TryGet(account, out _, out var settings) || string.IsNullOrEmpty(settings.AppSecret))
            return (null, "no AppSecret is configured for this account");
        string url = string.Create(CultureInfo.InvariantCulture,
            $"{accounts.Options.ApiBase.TrimEnd('/')}/cgi-bin/token?grant_type=client_credential&appid={Uri.EscapeDataString(settings.AppId)}&secret={Uri.EscapeDataString(settings.AppSecret)}");
        using var response = await clients.CreateClient(WeChatReplyTransport.ClientName).GetAsync(url, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
            return (null, $"token: HTTP {(int)response.StatusCode}");
        var parsed = ApiResponse.Parse(await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false));
        if (!parsed.IsSuccess)
            return (null, "token: " + parsed.Reason);
        if (parsed.Value!.ToAccessToken(time.GetUtcNow()) is not { } token)
            return (null, $"token: errcode {parsed.Value.ErrCode}");
        _tokens[account] = token;
        return (token, null);
    }

    public void Dispose()
    {
        foreach (var gate in _locks.Values)
            gate.Dispose();
    }
}
