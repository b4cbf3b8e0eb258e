using System.Collections.Concurrent;
using ChainBot.Server.Options;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;

namespace ChainBot.Server.Outbox;

/// <summary>
/// One resilience pipeline per channel route (a bridge, a robot, an account), built once and reused: a timeout per
/// attempt, retries (three by default) of transient outcomes with jittered exponential backoff, and a circuit
/// breaker, so one failing endpoint neither floods nor holds up the others. The timeout, the retries and their first
/// delay come from <see cref="OutboxOptions"/> (<c>ChainBot:Outbox</c>).
/// </summary>
internal sealed class ReplyResilience(IOptions<OutboxOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, ResiliencePipeline<SendOutcome>> _pipelines = new(StringComparer.Ordinal);
    private readonly OutboxOptions _options = options.Value;

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
                MaxRetryAttempts = _options.Retries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = _options.FirstRetryDelay,
            })
            .AddTimeout(_options.AttemptTimeout)
            .Build();
    }
}
