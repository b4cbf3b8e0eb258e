using System.Security.Cryptography;
using System.Text;
using ChainBot.Core.Replies;
using ChainBot.Core.Text;
using ChainBot.Server.Options;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace ChainBot.Server.Exports;

/// <summary>
/// Makes and checks the download links <c>导出</c> answers with: <c>{PublicUrl}/exports/{token}</c>, the token signed
/// with <see cref="ExportOptions.LinkKey"/> and valid for <see cref="ExportOptions.LinkLifetime"/> from now.
/// </summary>
/// <remarks>
/// Without a configured key the process makes a random one and says so once in the log: links then die with a
/// restart. Thread-safe: the key and settings are fixed at construction, the clock is the server's.
/// </remarks>
internal sealed class ExportLinks
{
    /// <summary>The path downloads are served under.</summary>
    public const string Path = "/exports";

    // A link's line is masked for phone numbers on its way into the group like every line: a token must not look
    // like one (11 digits from 13…19), or the masking would break it. An expiry a second earlier gives other bytes.
    private const int MaxAttempts = 16;

    private readonly byte[] _key;
    private readonly TimeSpan _lifetime;
    private readonly string? _publicUrl;
    private readonly IServer _server;
    private readonly TimeProvider _time;

    public ExportLinks(IOptions<ExportOptions> options, IServer server, TimeProvider time, ILogger<ExportLinks> logger)
    {
        var settings = options.Value;
        _lifetime = settings.LinkLifetime;
        _publicUrl = settings.PublicUrl?.TrimEnd('/');
        _server = server;
        _time = time;
        if (string.IsNullOrEmpty(settings.LinkKey))
        {
            _key = RandomNumberGenerator.GetBytes(32);
            Log.RandomLinkKey(logger);
        }
        else
        {
            _key = Encoding.UTF8.GetBytes(settings.LinkKey);
        }
    }

    /// <summary>The link to <paramref name="chain"/> of <paramref name="groupId"/>, valid from now for the configured lifetime.</summary>
    public ExportLink Create(string groupId, int chain, ExportFormat format = ExportFormat.Xlsx)
    {
        var expires = DateTimeOffset.FromUnixTimeSeconds((_time.GetUtcNow() + _lifetime).ToUnixTimeSeconds());
        string url = "";
        for (int attempt = 0; attempt < MaxAttempts; attempt++)
        {
            url = Url(new ExportToken(groupId, chain, expires.AddSeconds(-attempt), format));
            if (!PhoneNumbers.TryFind(url, out _, out _))
                break;
        }
        return new ExportLink(url, _lifetime);
    }

    /// <summary>The link for a token: for tests, and for <see cref="Create"/>.</summary>
    internal string Url(ExportToken token) => BaseUrl() + Path + "/" + token.Write(_key);

    /// <summary>Checks a token a download came with, against the server's key and clock.</summary>
    public (ExportTokenStatus Status, ExportToken? Token) Check(string? token) => ExportToken.Check(token, _key, _time.GetUtcNow());

    /// <summary>The configured public address, or the first one the server listens on.</summary>
    private string BaseUrl() =>
        _publicUrl ?? _server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()?.TrimEnd('/') ?? Extensions.DefaultUrl;
}
