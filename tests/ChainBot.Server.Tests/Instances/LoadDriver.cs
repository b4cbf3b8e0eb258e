using System.Net;
using System.Net.Http.Headers;
using ChainBot.Server.Tests.Support;

namespace ChainBot.Server.Tests.Instances;

/// <summary>
/// Posts a load as a load balancer in front of several instances would: each message to a random live instance,
/// signed; a message that got no 200 (its instance died under it) is posted again to another, as WeChat re-delivers;
/// and about one message in ten is re-delivered after its acknowledgement. Each group's messages go one after the
/// other, so a group's acceptance order is the order of the acknowledgements; groups go in parallel. Bounded: at most
/// <see cref="MaxAttempts"/> posts of a message, <see cref="Concurrency"/> requests at once.
/// </summary>
internal sealed class LoadDriver(HttpClient http, IReadOnlyList<ServerProcess> servers, string secret, int seed) : IDisposable
{
    private const int MaxAttempts = 10;
    private const int Concurrency = 12;
    private readonly Random _random = new(seed);
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _slots = new(Concurrency, Concurrency);
    private int _acknowledged;
    private int _redeliveries;
    private int _retried;

    /// Re-deliveries of acknowledged messages made.
    public int Redeliveries => _redeliveries;

    /// Posts that got no 200 and were made again to another instance.
    public int Retried => _retried;

    /// Posts every group's messages; returns, per group, the messages acknowledged, in the order they were.
    public async Task<IReadOnlyDictionary<string, List<ChatMessage>>> SendAsync(IReadOnlyList<IReadOnlyList<ChatMessage>> load)
    {
        var result = load.ToDictionary(g => g[0].GroupId, _ => new List<ChatMessage>(), StringComparer.Ordinal);
        await Task.WhenAll(load.Select(group => Task.Run(async () =>
        {
            var acknowledged = result[group[0].GroupId];
            foreach (var message in group)
            {
                await PostUntilAcknowledgedAsync(message);
                acknowledged.Add(message);
                Interlocked.Increment(ref _acknowledged);
                if (Chance(0.1))
                {
                    Interlocked.Increment(ref _redeliveries);
                    await PostUntilAcknowledgedAsync(acknowledged[Next(acknowledged.Count)]); // a duplicate: acknowledged, not stored
                }
            }
        })));
        return result;
    }

    /// Kills <paramref name="victim"/> with SIGKILL once <paramref name="after"/> messages are acknowledged.
    public async Task KillAfterAsync(ServerProcess victim, int after)
    {
        for (int i = 0; i < 6000 && Volatile.Read(ref _acknowledged) < after; i++)
            await Task.Delay(10);
        victim.Kill();
    }

    private async Task PostUntilAcknowledgedAsync(ChatMessage message)
    {
        for (int attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var live = servers.Where(s => s.Running).ToList();
            var server = live[Next(live.Count)];
            if (await TryPostAsync(server, message))
                return;
            Interlocked.Increment(ref _retried);
        }
        Assert.Fail($"{message.MsgId} was not acknowledged in {MaxAttempts} posts");
    }

    private async Task<bool> TryPostAsync(ServerProcess server, ChatMessage message)
    {
        byte[] body = message.ToJson();
        string timestamp = Signing.Now();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(server.Address, "/webhook/generic")) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.TryAddWithoutValidation(Signing.SignatureHeader, Signing.Signature(secret, timestamp, body));
        request.Headers.TryAddWithoutValidation(Signing.TimestampHeader, timestamp);
        await _slots.WaitAsync();
        try
        {
            using var response = await http.SendAsync(request);
            return response.StatusCode == HttpStatusCode.OK;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return false; // the instance died under the request: not acknowledged, so posted again
        }
        finally
        {
            _slots.Release();
        }
    }

    public void Dispose() => _slots.Dispose();

    private bool Chance(double p)
    {
        lock (_gate)
            return _random.NextDouble() < p;
    }

    private int Next(int max)
    {
        lock (_gate)
            return _random.Next(max);
    }
}
