using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ChainBot.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace ChainBot.Server.Tests.Support;

/// What a test host is started with: the arguments <c>dotnet run</c> would be given.
internal sealed record BotSettings(string DbPath)
{
    /// The generic webhook's secret; null for a fresh clone's loopback-only mode.
    public string? Secret { get; init; } = BotHost.TestSecret;

    /// The bridge's reply endpoint; null for none (replies are parked).
    public string? ReplyUrl { get; init; }

    /// Kestrel's addresses; port 0 picks a free one.
    public string Urls { get; init; } = "http://127.0.0.1:0";

    /// The server's clock; the system's when null.
    public TimeProvider? Clock { get; init; }

    /// Further configuration, as <c>key=value</c> (<c>ChainBot:Groups:g1:Acknowledge=true</c>).
    public IReadOnlyList<string> Configuration { get; init; } = [];

    /// One quick retry per round, a one-second attempt timeout, rounds a tenth of a second apart (and then doubling):
    /// for tests of failing deliveries, where each attempt is meant to be seen.
    public static readonly string[] FastOutbox =
    [
        "ChainBot:Outbox:AttemptTimeout=00:00:01",
        "ChainBot:Outbox:Retries=1",
        "ChainBot:Outbox:FirstRetryDelay=00:00:00.020",
        "ChainBot:Outbox:FirstRoundDelay=00:00:00.100",
    ];

    /// The outbox pacing tests use: quick retries and rounds, an attempt timeout no loaded machine reaches by accident.
    public IReadOnlyList<string> Outbox { get; init; } =
    [
        "ChainBot:Outbox:AttemptTimeout=00:00:05",
        "ChainBot:Outbox:Retries=2",
        "ChainBot:Outbox:FirstRetryDelay=00:00:00.020",
        "ChainBot:Outbox:FirstRoundDelay=00:00:00.100",
    ];
}

/// <summary>
/// The real server, built by <see cref="ChainBotApp.Create(string[])"/> exactly as Program does and started on Kestrel on a free
/// loopback port, over a SQLite file. Posts messages to it signed as a bridge would, and looks into its store.
/// </summary>
internal sealed class BotHost : IAsyncDisposable
{
    public const string TestSecret = "integration-test-secret";

    private readonly BotSettings _settings;
    private bool _stopped;
    private bool _disposed;

    private BotHost(WebApplication app, BotSettings settings, Uri address)
    {
        App = app;
        _settings = settings;
        Address = address;
        Client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
    }

    public WebApplication App { get; }

    /// The first address Kestrel bound, port included.
    public Uri Address { get; }

    /// A client for <see cref="Address"/>.
    public HttpClient Client { get; }

    /// The server's own store: the one its endpoint and pipeline write to.
    public IChainBotStore Store => App.Services.GetRequiredService<IChainBotStore>();

    public static async Task<BotHost> StartAsync(BotSettings settings)
    {
        List<string> args =
        [
            "--urls=" + settings.Urls,
            "--ChainBot:Storage:Sqlite:Path=" + settings.DbPath,
            "--Logging:LogLevel:Default=Warning",
        ];
        if (settings.Secret is not null)
            args.Add("--ChainBot:Channels:Generic:Secret=" + settings.Secret);
        if (settings.ReplyUrl is not null)
            args.Add("--ChainBot:Channels:Generic:ReplyUrl=" + settings.ReplyUrl);
        args.AddRange(settings.Outbox.Select(setting => "--" + setting));
        args.AddRange(settings.Configuration.Select(setting => "--" + setting));

        var clock = settings.Clock;
        var app = ChainBotApp.Create([.. args], clock is null ? null : services => services.AddSingleton(clock));
        await Eventually.WithinAsync("the server to start", app.StartAsync());
        // app.Urls is the server's IServerAddressesFeature: after start it holds the ports Kestrel bound.
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        Assert.That(addresses, Is.Not.Empty, "Kestrel bound no address");
        return new BotHost(app, settings, new Uri(addresses.First()));
    }

    /// Every address Kestrel bound.
    public IReadOnlyList<Uri> Addresses => [.. App.Urls.Select(url => new Uri(url))];

    /// Posts a message as a bridge does: signed with the configured secret (unsigned without one).
    public Task<HttpResponseMessage> PostAsync(ChatMessage message, CancellationToken cancellationToken = default) =>
        PostRawAsync(message.ToJson(), cancellationToken: cancellationToken);

    /// Posts any body; signed now with the configured secret unless a signature or timestamp is given.
    public async Task<HttpResponseMessage> PostRawAsync(
        byte[] body,
        string? contentType = "application/json",
        string? signature = null,
        string? timestamp = null,
        bool sign = true,
        HttpClient? client = null,
        CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhook/generic") { Content = new ByteArrayContent(body) };
        if (contentType is not null)
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        if (sign && _settings.Secret is not null)
        {
            timestamp ??= Signing.Now();
            signature ??= Signing.Signature(_settings.Secret, timestamp, body);
        }
        if (signature is not null)
            request.Headers.TryAddWithoutValidation(Signing.SignatureHeader, signature);
        if (timestamp is not null)
            request.Headers.TryAddWithoutValidation(Signing.TimestampHeader, timestamp);
        if (client is not null && request.RequestUri is { IsAbsoluteUri: false } relative)
            request.RequestUri = new Uri(client.BaseAddress!, relative);
        return await (client ?? Client).SendAsync(request, cancellationToken);
    }

    /// Posts a message and checks it was accepted (200, status "accepted" or "duplicate").
    public async Task<string> PostAcceptedAsync(ChatMessage message)
    {
        using var response = await PostAsync(message);
        string body = await response.Content.ReadAsStringAsync();
        Assert.That((int)response.StatusCode, Is.EqualTo(200), $"posting {message.MsgId}: {body}");
        using var json = JsonDocument.Parse(body);
        Assert.That(json.RootElement.GetProperty("msgId").GetString(), Is.EqualTo(message.MsgId));
        return json.RootElement.GetProperty("status").GetString()!;
    }

    /// Waits until every accepted message is processed and every queued reply delivered (or parked).
    public Task<StoreHealth> WaitIdleAsync(string what = "the inbox and outbox to drain") =>
        Eventually.UntilAsync(what, () => Store.HealthAsync(), health => health is { Reachable: true, PendingMessages: 0, PendingReplies: 0 });

    /// Stops the host gracefully (Kestrel finishes in-flight requests; the loops end), within a bound.
    public async Task StopAsync()
    {
        if (_stopped)
            return;
        _stopped = true;
        await Eventually.WithinAsync("the server to stop", App.StopAsync(CancellationToken.None));
    }

    /// Stops the host if it runs, then disposes it, its store included (what is queued is written, the file closed).
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
            return;
        _disposed = true;
        Client.Dispose();
        try
        {
            await StopAsync();
        }
        finally
        {
            await App.DisposeAsync();
        }
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"ChainBot at {Address}");
}
