using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Text.Json;
using ChainBot.Channels.Generic;

namespace ChainBot.Cli.Webhooks;

/// <summary>What the reply endpoint received: a reply it read, or a request it refused and why.</summary>
/// <param name="Reply">The reply, when it was read; null when the request was refused.</param>
/// <param name="Status">The status the endpoint answered with.</param>
/// <param name="Reason">Why it was refused; null when it was read.</param>
internal sealed record ReceivedReply(GenericReply? Reply, int Status, string? Reason);

/// <summary>
/// <c>post --replies-on</c>: a tiny reply endpoint on a loopback port, standing in for a bridge. It takes
/// <c>POST /reply</c> with the bot's reply JSON (<see cref="GenericReply"/>), checks the signature when a secret is
/// given (401 with the reason when it does not match), reads the reply (400 when it is not one), hands it to the
/// caller and answers 200, so the bot's outbox marks it sent. Anything else is 404 or 405.
/// </summary>
/// <remarks>
/// Requests are handled concurrently, on pool threads; <c>onReceived</c> must be thread-safe. Disposing stops
/// listening and waits (briefly) for the requests being handled.
/// </remarks>
internal sealed class ReplyListener : IAsyncDisposable
{
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(2);

    private readonly HttpListener _listener;
    private readonly GenericWebhook? _verifier;
    private readonly Action<ReceivedReply> _onReceived;
    private readonly List<Task> _handlers = [];
    private readonly Task _loop;
    private int _received;

    private ReplyListener(HttpListener listener, GenericWebhook? verifier, Action<ReceivedReply> onReceived)
    {
        _listener = listener;
        _verifier = verifier;
        _onReceived = onReceived;
        _loop = Task.Run(AcceptAsync);
    }

    /// <summary>The URL to configure as the bot's reply URL.</summary>
    public required string ReplyUrl { get; init; }

    /// <summary>Requests received so far, read or refused.</summary>
    public int Received => Volatile.Read(ref _received);

    /// <summary>
    /// Starts listening on <paramref name="endpoint"/>; false, with the reason (the port is taken), when it cannot.
    /// </summary>
    /// <param name="endpoint">Where to listen: a loopback address.</param>
    /// <param name="verifier">Checks each reply's signature; null to take replies unsigned.</param>
    /// <param name="onReceived">Called for every request to <c>/reply</c>, from a pool thread.</param>
    /// <param name="listener">The running endpoint.</param>
    /// <param name="error">Why it could not start.</param>
    public static bool TryStart(LoopbackEndpoint endpoint, GenericWebhook? verifier, Action<ReceivedReply> onReceived,
        [NotNullWhen(true)] out ReplyListener? listener, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(onReceived);
        listener = null;
        var http = new HttpListener { IgnoreWriteExceptions = true };
        foreach (string prefix in Prefixes(endpoint))
            http.Prefixes.Add(prefix);
        try
        {
            http.Start();
        }
        catch (HttpListenerException e)
        {
            http.Close();
            error = $"cannot listen on {endpoint.Host}:{endpoint.Port}: {e.Message}";
            return false;
        }
        listener = new ReplyListener(http, verifier, onReceived) { ReplyUrl = endpoint.BaseUrl.TrimEnd('/') + WebhookDefaults.ReplyPath };
        error = null;
        return true;
    }

    /// <summary>Stops listening, and waits up to two seconds for the requests being handled.</summary>
    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        await _loop.ConfigureAwait(false);
        Task[] pending;
        lock (_handlers)
            pending = [.. _handlers];
        await Task.WhenAny(Task.WhenAll(pending), Task.Delay(DrainTimeout)).ConfigureAwait(false);
        _listener.Close();
    }

    /// <summary>
    /// The listener matches a request's Host header against its prefixes: a bot configured with <c>localhost</c>
    /// and one with <c>127.0.0.1</c> are both heard. <c>localhost</c> is added only when it names nothing but this
    /// machine, since the listener binds what the name resolves to.
    /// </summary>
    private static IEnumerable<string> Prefixes(LoopbackEndpoint endpoint)
    {
        if (endpoint.Host is not ("localhost" or "127.0.0.1"))
        {
            yield return endpoint.BaseUrl;
            yield break;
        }
        yield return (endpoint with { Host = "127.0.0.1" }).BaseUrl;
        if (LocalhostIsLoopback())
            yield return (endpoint with { Host = "localhost" }).BaseUrl;
    }

    private static bool LocalhostIsLoopback()
    {
        try
        {
            var addresses = Dns.GetHostAddresses("localhost");
            return addresses.Length > 0 && addresses[0].Equals(IPAddress.Loopback) && Array.TrueForAll(addresses, IPAddress.IsLoopback);
        }
        catch (System.Net.Sockets.SocketException)
        {
            return false;
        }
    }

    private async Task AcceptAsync()
    {
        while (true)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;  // stopped
            }
            var handler = Task.Run(() => HandleAsync(context));
            lock (_handlers)
            {
                _handlers.RemoveAll(static task => task.IsCompleted);
                _handlers.Add(handler);
            }
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        var response = context.Response;
        try
        {
            var request = context.Request;
            if (!string.Equals(request.Url?.AbsolutePath, WebhookDefaults.ReplyPath, StringComparison.Ordinal))
            {
                Answer(response, 404, "not found: replies go to " + WebhookDefaults.ReplyPath);
                return;
            }
            if (request.HttpMethod != "POST")
            {
                Answer(response, 405, "replies are POSTed");
                return;
            }
            Interlocked.Increment(ref _received);
            var received = await ReceiveAsync(request).ConfigureAwait(false);
            // Printed before it is answered: once the bot has its 200, what it does next may print too.
            _onReceived(received);
            Answer(response, received.Status, received.Reason);
        }
        catch (Exception e) when (e is HttpListenerException or IOException or ObjectDisposedException)
        {
            // The bot hung up, or the endpoint is stopping: nothing to answer.
        }
        finally
        {
            response.Close();
        }
    }

    private async Task<ReceivedReply> ReceiveAsync(HttpListenerRequest request)
    {
        if (request.ContentLength64 > WebhookDefaults.MaxReplyBytes)
            return new ReceivedReply(null, 413, $"the body is over {WebhookDefaults.MaxReplyBytes / 1024} KB");
        byte[] body = await ReadBodyAsync(request.InputStream).ConfigureAwait(false);
        if (body.Length > WebhookDefaults.MaxReplyBytes)
            return new ReceivedReply(null, 413, $"the body is over {WebhookDefaults.MaxReplyBytes / 1024} KB");
        if (_verifier is not null)
        {
            var check = _verifier.Verify(request.Headers[GenericHeaders.Signature], request.Headers[GenericHeaders.Timestamp], body);
            if (!check.IsValid)
                return new ReceivedReply(null, 401, check.Reason);
        }
        return TryReadReply(body, out var reply, out string? error)
            ? new ReceivedReply(reply, 200, null)
            : new ReceivedReply(null, 400, error);
    }

    private static async Task<byte[]> ReadBodyAsync(Stream input)
    {
        using var buffer = new MemoryStream();
        byte[] chunk = new byte[8192];
        int read;
        while ((read = await input.ReadAsync(chunk).ConfigureAwait(false)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > WebhookDefaults.MaxReplyBytes)
                break;
        }
        return buffer.ToArray();
    }

    /// <summary>Reads the bot's reply JSON; false, with the reason, when the body is not one.</summary>
    internal static bool TryReadReply(ReadOnlySpan<byte> body, [NotNullWhen(true)] out GenericReply? reply, [NotNullWhen(false)] out string? error)
    {
        reply = null;
        try
        {
            using var document = JsonDocument.Parse(body.ToArray());
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                error = "not a JSON object";
                return false;
            }
            string? replyId = String(root, "replyId"), groupId = String(root, "groupId"), text = String(root, "text");
            if (replyId is null || groupId is null || text is null)
            {
                error = "replyId, groupId and text must be strings";
                return false;
            }
            var mentions = new List<string>();
            if (root.TryGetProperty("mentions", out var list) && list.ValueKind == JsonValueKind.Array)
            {
                foreach (var mention in list.EnumerateArray())
                {
                    if (mention.ValueKind == JsonValueKind.String)
                        mentions.Add(mention.GetString()!);
                }
            }
            reply = new GenericReply(replyId, groupId, String(root, "inReplyTo"), mentions, text);
            error = null;
            return true;
        }
        catch (JsonException e)
        {
            error = "malformed JSON: " + e.Message;
            return false;
        }
    }

    private static string? String(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static void Answer(HttpListenerResponse response, int status, string? error)
    {
        response.StatusCode = status;
        response.ContentType = "application/json; charset=utf-8";
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            if (error is null)
                json.WriteString("status", "ok");
            else
                json.WriteString("error", error);
            json.WriteEndObject();
        }
        byte[] body = buffer.ToArray();
        response.ContentLength64 = body.Length;
        response.OutputStream.Write(body);
    }
}
