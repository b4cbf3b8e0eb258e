using System.Collections.Concurrent;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;

namespace ChainBot.Server.Outbox;

/// <summary>
/// One resilience pipeline per channel route (a bridge, a robot, an account), built once and reused: a timeout per
/// attempt, three retries of transient outcomes with jittered exponential backoff, and a circuit breaker, so one
/// failing endpoint neither floods nor holds up the others.
/// </summary>
internal sealed class ReplyResilience(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, ResiliencePipeline<SendOutcome>> _pipelines = new(StringComparer.Ordinal);

    /// <summary>Per-attempt timeout, retries and their first delay; tests shorten them.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <inheritdoc cref="AttemptTimeout"/>
    public int Retries { get; init; } = 3;

    /// <inheritdoc cref="AttemptTimeout"/>
    public TimeSpan FirstRetryDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The pipeline of a route (<c>generic</c>, <c>wecom:app1</c>).</summary>
    public ResiliencePipeline<SendOutcome> For(string route) => _pipelines.GetOrAdd(route, Build);

    private ResiliencePipeline<SendOutcome> Build(string route)
    {
        var transient = new PredicateBuilder<SendOutcome>()
            .HandleResult(static outcome => outcome.Kind == SendOutcomeKind.Transient && outcome.RetryAfter is null)
            .Handle<HttpRequestException>()
            .Handle<Polly.Timeout.TimeoutRejectedException>();
        return new ResiliencePipelineBuilder<SendOutcome> { Name = "reply:" + route, TimeProvider = time }
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions<SendOutcome>
            {
                ShouldHandle = transient,
                FailureRatio = 0.8,
                MinimumThroughput = 10,
                SamplingDuration = TimeSpan.FromSeconds(60),
                BreakDuration = TimeSpan.FromSeconds(30),
            })
            .AddRetry(new RetryStrategyOptions<SendOutcome>
            {
                ShouldHandle = transient,
                MaxRetryAttempts = Retries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = FirstRetryDelay,
            })
            .AddTimeout(AttemptTimeout)
            .Build();
    }
}
