using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace ChainBot.Cli.Tests.Support;

/// <summary>One request the fake endpoint received, as it arrived.</summary>
internal sealed record ReceivedRequest(int Order, string Method, string Path, byte[] Body, string? ContentType, string? Signature, string? Timestamp)
{
    public string Text => Encoding.UTF8.GetString(Body);

    public JsonElement Json => JsonDocument.Parse(Body).RootElement;

    public string? MsgId => Json.TryGetProperty("msgId", out var id) ? id.GetString() : null;
}

/// <summary>What the fake endpoint answers.</summary>
internal sealed record FakeAnswer(int Status, string Body)
{
    public static FakeAnswer Accepted(string? msgId) => new(200, JsonSerializer.Serialize(new { status = "accepted", msgId }));

    public static FakeAnswer Duplicate(string? msgId) => new(200, JsonSerializer.Serialize(new { status = "duplicate", msgId }));

    public static FakeAnswer Error(int status, string reason) => new(status, JsonSerializer.Serialize(new { error = reason }));
}

/// <summary>
/// A stand-in for the bot's generic webhook on 127.0.0.1 and a free port: records every request (body, headers, order
/// of arrival) and answers as told — by default "accepted", or "duplicate" for a msgId it has seen.
/// </summary>
internal sealed class FakeWebhook : IAsyncDisposable
{
    private readonly HttpListener _listener;
    private readonly Func<ReceivedRequest, Task<FakeAnswer>> _answer;
    private readonly ConcurrentQueue<ReceivedRequest> _requests = new();
    private readonly ConcurrentDictionary<string, bool> _seen = new(StringComparer.Ordinal);
    private readonly Task _loop;
    private int _order;

    private FakeWebhook(HttpListener listener, int port, Func<ReceivedRequest, Task<FakeAnswer>>? answer)
    {
        _listener = listener;
        Port = port;
        _answer = answer ?? (request => Task.FromResult(Default(request)));
        _loop = Task.Run(AcceptAsync);
    }

    public int Port { get; }

    public string Url => $"http://127.0.0.1:{Port}/webhook/generic";

    /// <summary>The requests, in the order they arrived.</summary>
    public IReadOnlyList<ReceivedRequest> Requests => [.. _requests.OrderBy(static request => request.Order)];

    public static FakeWebhook Start(Func<ReceivedRequest, FakeAnswer> answer) => Start(request => Task.FromResult(answer(request)));

    public static FakeWebhook Start(Func<ReceivedRequest, Task<FakeAnswer>>? answer = null)
    {
        for (int attempt = 0; ; attempt++)
        {
            int port = FreePort();
            var listener = new HttpListener();
            listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            try
            {
                listener.Start();
                return new FakeWebhook(listener, port, answer);
            }
            catch (HttpListenerException) when (attempt < 5)
            {
                listener.Close();  // someone took the port in between: try another
            }
        }
    }

    /// <summary>A port nothing listens on right now.</summary>
    public static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        int port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    /// <summary>"accepted" the first time a msgId arrives, "duplicate" after.</summary>
    public FakeAnswer Default(ReceivedRequest request)
    {
        string? id = request.MsgId;
        return id is not null && !_seen.TryAdd(id, true) ? FakeAnswer.Duplicate(id) : FakeAnswer.Accepted(id);
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        await _loop.WaitAsync(TimeSpan.FromSeconds(5));
        _listener.Close();
    }

    private async Task AcceptAsync()
    {
        while (true)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            _ = Task.Run(() => HandleAsync(context));
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        try
        {
            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            var request = new ReceivedRequest(
                Interlocked.Increment(ref _order), context.Request.HttpMethod, context.Request.Url!.AbsolutePath, body.ToArray(),
                context.Request.ContentType, context.Request.Headers["X-ChainBot-Signature"], context.Request.Headers["X-ChainBot-Timestamp"]);
            _requests.Enqueue(request);
            var answer = await _answer(request);
            byte[] bytes = Encoding.UTF8.GetBytes(answer.Body);
            context.Response.StatusCode = answer.Status;
            context.Response.ContentType = "application/json; charset=utf-8";
            context.Response.ContentLength64 = bytes.Length;
            await context.Response.OutputStream.WriteAsync(bytes);
        }
        catch (Exception e) when (e is HttpListenerException or IOException or ObjectDisposedException)
        {
        }
        finally
        {
            context.Response.Close();
        }
    }
}
