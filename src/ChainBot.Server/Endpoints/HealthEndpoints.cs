using ChainBot.Server.Options;
using ChainBot.Storage;
using Microsoft.Extensions.Options;

namespace ChainBot.Server.Endpoints;

/// <summary>
/// <c>/healthz</c>: the process answers (liveness). <c>/readyz</c>: the database answers and the bot is not falling
/// behind (readiness, <see cref="Readiness"/>, limits from <c>ChainBot:Health</c>); its body says what it found, with
/// counts and ages only, parked replies included — they need a person, not a restart, so they show without failing
/// readiness.
/// </summary>
internal static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", static () => TypedResults.Text("ok"));
        app.MapGet("/readyz", static async (IChainBotStore store, IOptions<HealthOptions> limits, TimeProvider time, CancellationToken cancellationToken) =>
        {
            var health = await store.HealthAsync(cancellationToken).ConfigureAwait(false);
            var now = time.GetUtcNow();
            var readiness = Readiness.Of(health, limits.Value, now);
            var body = new
            {
                status = readiness.Status,
                database = health.Reachable,
                pendingMessages = health.PendingMessages,
                pendingReplies = health.PendingReplies,
                parkedReplies = health.ParkedReplies,
                oldestPendingMessageSeconds = Readiness.Age(health.OldestPendingMessageAt, now)?.TotalSeconds,
                oldestPendingReplySeconds = Readiness.Age(health.OldestPendingReplyAt, now)?.TotalSeconds,
                error = health.Error,
            };
            return Results.Json(body, statusCode: readiness.Ready ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
        });
        return app;
    }
}
