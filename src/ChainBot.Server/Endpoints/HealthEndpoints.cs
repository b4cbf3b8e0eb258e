using ChainBot.Storage;

namespace ChainBot.Server.Endpoints;

/// <summary>
/// <c>/healthz</c>: the process answers (liveness). <c>/readyz</c>: the database answers and the inbox is not
/// falling behind (readiness); its body says what it found, with counts only, parked replies included — they need
/// a person, not a restart, so they show without failing readiness.
/// </summary>
internal static class HealthEndpoints
{
    /// <summary>Above this many unprocessed messages the bot is not ready: it is falling behind.</summary>
    public const long MaxBacklog = 10_000;

    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", static () => TypedResults.Text("ok"));
        app.MapGet("/readyz", static async (IChainBotStore store, CancellationToken cancellationToken) =>
        {
            var health = await store.HealthAsync(cancellationToken).ConfigureAwait(false);
            var body = new
            {
                status = !health.Reachable ? "database unreachable"
                    : health.PendingMessages > MaxBacklog ? "inbox backlog"
                    : health.ParkedReplies > 0 ? "ready; replies parked"
                    : "ready",
                database = health.Reachable,
                pendingMessages = health.PendingMessages,
                pendingReplies = health.PendingReplies,
                parkedReplies = health.ParkedReplies,
                error = health.Error,
            };
            bool ready = health.Reachable && health.PendingMessages <= MaxBacklog;
            return Results.Json(body, statusCode: ready ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
        });
        return app;
    }
}
