using System.Collections.Concurrent;
using System.Net.Http.Headers;
using ChainBot.Channels.Generic;
using ChainBot.Cli.Webhooks;

namespace ChainBot.Cli.Load;

/// <summary>
/// Runs <c>load</c>: an open-loop schedule — request <c>n</c> is due at <c>start + n / rate</c>, whether or not the
/// bot has answered the ones before — for at most rate × duration requests. A dispatcher wakes about once a
/// millisecond and sends whatever is due; each request is built from the pre-serialized bodies, signed, sent, and
/// timed twice: from its send (what the bot took) and from its due time (what a sender keeping to the rate saw,
/// which includes any wait for one of the <c>concurrency</c> connections — so a slow bot shows in the latencies
/// instead of silently lowering the rate). Ctrl+C stops the schedule; requests in flight still finish.
/// </summary>
/// <remarks>One run per instance. The per-request counters are updated from many threads with interlocked operations.</remarks>
internal sealed class LoadRunner : IDisposable
{
    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };

    private readonly LoadSettings _settings;
    private readonly LoadBodies _bodies;
    private readonly GenericWebhook? _signer;
    private readonly TimeProvider _time;
    private readonly HttpClient _client;
    private readonly SemaphoreSlim _slots;
    private readonly int[] _fromSend;
    private readonly int[] _fromSchedule;
    private readonly ConcurrentDictionary<string, ErrorCount> _errors = new(StringComparer.Ordinal);
    private long _answered;
    private long _accepted;
    private long _duplicate;
    private long _lastAnswer;

    /// <summary>Prepares a run; nothing is sent before <see cref="RunAsync"/>.</summary>
    public LoadRunner(LoadSettings settings, LoadBodies bodies, GenericWebhook? signer, TimeProvider time)
    {
        _settings = settings ?? throw new ArgumentNullException(nameof(settings));
        _bodies = bodies ?? throw new ArgumentNullException(nameof(bodies));
        _signer = signer;
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _client = new HttpClient(new SocketsHttpHandler
        {
            // One connection per request in flight (HTTP/1.1), kept for the whole run (per URL: the slots bound the total).
            MaxConnectionsPerServer = settings.Concurrency,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(1),
            ConnectTimeout = settings.Timeout,
            UseCookies = false,
            AutomaticDecompression = System.Net.DecompressionMethods.None,
        })
        {
            Timeout = Timeout.InfiniteTimeSpan,
            MaxResponseContentBufferSize = WebhookDefaults.MaxAnswerBytes,
        };
        _slots = new SemaphoreSlim(settings.Concurrency, settings.Concurrency);
        _fromSend = new int[settings.Planned];
        _fromSchedule = new int[settings.Planned];
        Array.Fill(_fromSend, -1);
        Array.Fill(_fromSchedule, -1);
    }

    /// <summary>
    /// Sends the schedule and waits for the answers. Ends by itself after the duration plus at most two timeouts
    /// (a backlog is still sent while the first runs out; the answers in flight get the second).
    /// </summary>
    /// <param name="interrupt">Ctrl+C: stops the schedule; what is in flight is still waited for.</param>
    public async Task<LoadResult> RunAsync(CancellationToken interrupt)
    {
        // The first body and signature are made before the clock starts: the first requests would otherwise wait for
        // the JIT, and their latency from schedule would say so.
        byte[] warm = _bodies.Build(0);
        _signer?.Sign(warm);

        long start = _time.GetTimestamp();
        Volatile.Write(ref _lastAnswer, start);
        // Its own thread, not the pool: a dispatcher that waits behind the answers it is timing makes them look slow.
        var dispatch = await Task.Factory.StartNew(() => Dispatch(start, interrupt), CancellationToken.None,
            TaskCreationOptions.LongRunning, TaskScheduler.Default).ConfigureAwait(false);

        // Every slot back means every request in flight has ended; each ends within its timeout.
        var drain = _settings.Timeout + TimeSpan.FromSeconds(1);
        for (int i = 0; i < _settings.Concurrency; i++)
        {
            if (!await _slots.WaitAsync(drain, CancellationToken.None).ConfigureAwait(false))
                break;
        }

        long frequency = _time.TimestampFrequency;
        long sent = dispatch.Sent;
        long end = Math.Max(Volatile.Read(ref _lastAnswer), dispatch.LastSend);
        return new LoadResult
        {
            RunId = _bodies.RunId,
            Planned = _settings.Planned,
            Sent = sent,
            Answered = Interlocked.Read(ref _answered),
            Accepted = Interlocked.Read(ref _accepted),
            Duplicate = Interlocked.Read(ref _duplicate),
            Errors = [.. _errors.Select(static error => new LoadError(error.Key, error.Value.Count, error.Value.Example))
                .OrderByDescending(static error => error.Count).ThenBy(static error => error.Kind, StringComparer.Ordinal)],
            DelayedByConcurrency = dispatch.Delayed,
            Interrupted = dispatch.Interrupted,
            Elapsed = TimeSpan.FromSeconds(Math.Max((double)(end - start) / frequency, sent / _settings.Rate)),
            SendWindow = sent == 0 ? TimeSpan.Zero : TimeSpan.FromSeconds((double)(dispatch.LastSend - start) / frequency + 1 / _settings.Rate),
            FromSend = LatencySummary.Of(_fromSend.AsSpan(0, (int)sent)),
            FromSchedule = LatencySummary.Of(_fromSchedule.AsSpan(0, (int)sent)),
        };
    }

    /// <summary>
    /// The schedule, on a thread of its own: sleep until the next request is due (a millisecond at least, the
    /// timer's grain, so a request is never sent early and the thread costs a wake-up per millisecond at most), send
    /// everything due, repeat. Stops at the cap, at Ctrl+C, or when the backlog is still unsent a timeout after the
    /// duration.
    /// </summary>
    private DispatchResult Dispatch(long start, CancellationToken interrupt)
    {
        long planned = _settings.Planned;
        long frequency = _time.TimestampFrequency;
        double interval = frequency / _settings.Rate;
        long lastDispatch = start + (long)((_settings.Duration + _settings.Timeout).TotalSeconds * frequency);
        long next = 0, delayed = 0, lastSend = start;
        while (next < planned)
        {
            if (interrupt.IsCancellationRequested)
                return new DispatchResult(next, delayed, lastSend, Interrupted: true);
            long now = _time.GetTimestamp();
            if (now >= lastDispatch)
                break;
            long due = start + (long)(next * interval);
            if (due > now)
            {
                int milliseconds = (int)Math.Clamp((due - now) * 1000 / frequency, 1, 100);
                interrupt.WaitHandle.WaitOne(milliseconds);
                continue;
            }
            if (!_slots.Wait(0, CancellationToken.None))
            {
                // Open loop, bounded: the request waits for a connection, and its latency from schedule says so.
                delayed++;
                try
                {
                    if (!_slots.Wait(TimeSpan.FromSeconds((double)(lastDispatch - now) / frequency), interrupt))
                        break;
                }
                catch (OperationCanceledException)
                {
                    return new DispatchResult(next, delayed, lastSend, Interrupted: true);
                }
            }
            lastSend = _time.GetTimestamp();
            _ = SendAsync(next, due);
            next++;
        }
        return new DispatchResult(next, delayed, lastSend, Interrupted: false);
    }

    private readonly record struct DispatchResult(long Sent, long Delayed, long LastSend, bool Interrupted);

    /// <summary>Closes the connections.</summary>
    public void Dispose()
    {
        _client.Dispose();
        _slots.Dispose();
    }

    /// <summary>Sends request <paramref name="sequence"/>, due at <paramref name="due"/>; never throws. Releases its slot.</summary>
    private async Task SendAsync(long sequence, long due)
    {
        using var timeout = new CancellationTokenSource(_settings.Timeout, _time);
        try
        {
            byte[] body = _bodies.Build(sequence);
            using var request = new HttpRequestMessage(HttpMethod.Post, _settings.UrlOf(sequence)) { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = Json;
            if (_signer is not null)
            {
                var headers = _signer.Sign(body);
                request.Headers.TryAddWithoutValidation(GenericHeaders.Signature, headers.Signature);
                request.Headers.TryAddWithoutValidation(GenericHeaders.Timestamp, headers.Timestamp);
            }
            long sent = _time.GetTimestamp();
            // The whole answer is read (it is a line of JSON): the acknowledgement is complete when this returns.
            using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseContentRead, timeout.Token).ConfigureAwait(false);
            long answered = _time.GetTimestamp();
            _fromSend[sequence] = Microseconds(answered - sent);
            _fromSchedule[sequence] = Microseconds(answered - due);
            Interlocked.Increment(ref _answered);
            NoteAnswer(answered);
            byte[] answer = await response.Content.ReadAsByteArrayAsync(timeout.Token).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
            {
                if (WebhookPoster.ReadMember(answer, "status"u8) == "duplicate")
                    Interlocked.Increment(ref _duplicate);
                else
                    Interlocked.Increment(ref _accepted);
            }
            else
            {
                Fail($"HTTP {(int)response.StatusCode}", WebhookPoster.ReadMember(answer, "error"u8) ?? response.ReasonPhrase);
            }
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            Fail("timeout", $"no answer within {_settings.Timeout.TotalMilliseconds:0} ms");
        }
        catch (HttpRequestException e)
        {
            Fail(e.HttpRequestError switch
            {
                HttpRequestError.ConnectionError => "connection failed",
                HttpRequestError.ResponseEnded => "connection closed",
                HttpRequestError.NameResolutionError => "name not resolved",
                var other => "request failed: " + other,
            }, WebhookPoster.Describe(e));
        }
#pragma warning disable CA1031 // A request's failure is counted by kind; it must not end the run.
        catch (Exception e)
#pragma warning restore CA1031
        {
            Fail(e.GetType().Name, e.Message);
        }
        finally
        {
            _slots.Release();
        }
    }

    private void NoteAnswer(long timestamp)
    {
        long seen = Volatile.Read(ref _lastAnswer);
        while (timestamp > seen)
        {
            long found = Interlocked.CompareExchange(ref _lastAnswer, timestamp, seen);
            if (found == seen)
                return;
            seen = found;
        }
    }

    private int Microseconds(long ticks) => (int)Math.Min(int.MaxValue, Math.Max(0, ticks) * 1e6 / _time.TimestampFrequency);

    private void Fail(string kind, string? example)
    {
        var count = _errors.GetOrAdd(kind, static (_, example) => new ErrorCount(example), example);
        count.Increment();
    }

    private sealed class ErrorCount(string? example)
    {
        private int _count;

        public string? Example { get; } = example;

        public int Count => Volatile.Read(ref _count);

        public void Increment() => Interlocked.Increment(ref _count);
    }
}
