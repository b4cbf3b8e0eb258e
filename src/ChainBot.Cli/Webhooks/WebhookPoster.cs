using System.Net.Http.Headers;
using System.Text.Json;
using ChainBot.Channels.Generic;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace ChainBot.Cli.Webhooks;

/// <summary>
/// Posts generic webhook requests for <c>post</c>: each body signed when a secret is given (a fresh timestamp on
/// every attempt), sent through one Polly pipeline — a timeout per attempt, and a couple of retries with a short
/// jittered backoff after a connection failure, a timeout or a 5xx — and the answer read into a
/// <see cref="PostOutcome"/>. Anything else (401, 400, 413) is the bot's verdict, reported as it is.
/// </summary>
/// <remarks>Thread-safe, as HttpClient and the pipeline are; create one per run.</remarks>
internal sealed class WebhookPoster : IDisposable
{
    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };

    private readonly HttpClient _client;
    private readonly Uri _url;
    private readonly GenericWebhook? _signer;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;

    /// <summary>Posts to <paramref name="url"/>, signing with <paramref name="signer"/> when given.</summary>
    /// <param name="url">The bot's generic webhook, <c>http://127.0.0.1:5080/webhook/generic</c>.</param>
    /// <param name="signer">Signs each body; null to post unsigned (a bot without a secret, called over loopback).</param>
    /// <param name="time">The clock of the signatures and of the pipeline's delays.</param>
    /// <param name="firstRetryDelay">The first retry's delay; default <see cref="WebhookDefaults.FirstRetryDelay"/>.</param>
    public WebhookPoster(Uri url, GenericWebhook? signer, TimeProvider time, TimeSpan? firstRetryDelay = null)
    {
        _url = url ?? throw new ArgumentNullException(nameof(url));
        _signer = signer;
        _client = new HttpClient(new SocketsHttpHandler { PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30) })
        {
            // The pipeline's timeout bounds each attempt; this one would only cut it short.
            Timeout = Timeout.InfiniteTimeSpan,
        };
        _pipeline = new ResiliencePipelineBuilder<HttpResponseMessage> { Name = "chainbot-post", TimeProvider = time }
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                ShouldHandle = static arguments => ValueTask.FromResult(arguments.Outcome switch
                {
                    { Exception: HttpRequestException or TimeoutRejectedException } => true,
                    { Result.StatusCode: >= System.Net.HttpStatusCode.InternalServerError } => true,
                    _ => false,
                }),
                MaxRetryAttempts = WebhookDefaults.Retries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = firstRetryDelay ?? WebhookDefaults.FirstRetryDelay,
                OnRetry = static arguments =>
                {
                    // The 5xx answer that is about to be retried will not be read.
                    arguments.Outcome.Result?.Dispose();
                    return default;
                },
            })
            .AddTimeout(WebhookDefaults.AttemptTimeout)
            .Build();
    }

    /// <summary>
    /// Posts one body and reads the answer. Never throws for the network or the bot's answer: those are outcomes.
    /// </summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled (Ctrl+C).</exception>
    public async Task<PostOutcome> PostAsync(byte[] body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        var attempt = new Attempts();
        try
        {
            var outcome = await _pipeline.ExecuteOutcomeAsync(
                static async (context, state) =>
                {
                    state.Attempts.Count++;
                    try
                    {
                        var response = await state.Poster.SendAsync(state.Body, context.CancellationToken).ConfigureAwait(false);
                        return Outcome.FromResult(response);
                    }
#pragma warning disable CA1031 // Every failure is an outcome the pipeline decides on; Ctrl+C is rethrown below.
                    catch (Exception e)
#pragma warning restore CA1031
                    {
                        return Outcome.FromException<HttpResponseMessage>(e);
                    }
                },
                context,
                (Poster: this, Body: body, Attempts: attempt)).ConfigureAwait(false);

            int retries = attempt.Count - 1;
            if (outcome.Exception is { } exception)
            {
                if (exception is OperationCanceledException && cancellationToken.IsCancellationRequested)
                    throw new OperationCanceledException(cancellationToken);
                return new PostOutcome(PostOutcomeKind.Unreachable, 0, Describe(exception), retries);
            }
            using var response = outcome.Result!;
            return await ReadAnswerAsync(response, retries, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    /// <summary>Closes the connections.</summary>
    public void Dispose() => _client.Dispose();

    private async Task<HttpResponseMessage> SendAsync(byte[] body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = Json;
        if (_signer is not null)
        {
            // Signed per attempt: a retry carries a fresh timestamp over the same bytes.
            var headers = _signer.Sign(body);
            request.Headers.Add(GenericHeaders.Signature, headers.Signature);
            request.Headers.Add(GenericHeaders.Timestamp, headers.Timestamp);
        }
        return await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<PostOutcome> ReadAnswerAsync(HttpResponseMessage response, int retries, CancellationToken cancellationToken)
    {
        int status = (int)response.StatusCode;
        byte[] answer = await ReadSomeAsync(response.Content, WebhookDefaults.MaxAnswerBytes, cancellationToken).ConfigureAwait(false);
        if (response.IsSuccessStatusCode)
        {
            var kind = ReadMember(answer, "status"u8) == "duplicate" ? PostOutcomeKind.Duplicate : PostOutcomeKind.Accepted;
            return new PostOutcome(kind, status, null, retries);
        }
        string reason = ReadMember(answer, "error"u8) ?? response.ReasonPhrase ?? "no reason given";
        return new PostOutcome(PostOutcomeKind.Refused, status, reason, retries);
    }

    /// <summary>The first <paramref name="limit"/> bytes of an answer: a misbehaving server cannot make the tool hold more.</summary>
    internal static async Task<byte[]> ReadSomeAsync(HttpContent content, int limit, CancellationToken cancellationToken)
    {
        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            byte[] buffer = new byte[limit];
            int filled = 0;
            while (filled < limit)
            {
                int read = await stream.ReadAsync(buffer.AsMemory(filled), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                    break;
                filled += read;
            }
            return buffer[..filled];
        }
    }

    /// <summary>A top-level string member of a JSON answer; null when the answer is not JSON or has no such string.</summary>
    internal static string? ReadMember(ReadOnlySpan<byte> answer, ReadOnlySpan<byte> name)
    {
        try
        {
            var json = new Utf8JsonReader(answer);
            if (!json.Read() || json.TokenType != JsonTokenType.StartObject)
                return null;
            while (json.Read() && json.TokenType == JsonTokenType.PropertyName)
            {
                bool match = json.ValueTextEquals(name);
                json.Read();
                if (match && json.TokenType == JsonTokenType.String)
                    return json.GetString();
                json.Skip();
            }
            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Why nothing answered, in a few words: the socket's complaint, or the timeout.</summary>
    internal static string Describe(Exception exception) => exception switch
    {
        TimeoutRejectedException => $"no answer within {WebhookDefaults.AttemptTimeout.TotalSeconds:0} s",
        // "Connection refused (127.0.0.1:5080)"; a failure mid-answer says only "An error occurred…", so add why.
        HttpRequestException { InnerException: IOException io } http when http.HttpRequestError != HttpRequestError.ConnectionError => $"{http.Message} {io.Message}",
        _ => exception.Message,
    };

    private sealed class Attempts
    {
        public int Count { get; set; }
    }
}
