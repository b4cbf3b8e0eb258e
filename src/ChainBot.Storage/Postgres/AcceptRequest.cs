namespace ChainBot.Storage.Postgres;

/// <summary>
/// One message waiting for the accept writer: its columns, ready to bind, and the task its caller awaits, which
/// completes only after the batch holding it has committed.
/// </summary>
/// <param name="Channel">The channel and route.</param>
/// <param name="MsgId">The channel's message id.</param>
/// <param name="GroupId">The group.</param>
/// <param name="ReceivedAt">When it was received, at offset zero (what Npgsql writes to a <c>timestamptz</c>).</param>
/// <param name="Json">The message as the inbox keeps it.</param>
/// <param name="CancellationToken">
/// The caller's token, looked at once, when the writer takes the request: a request cancelled by then is dropped
/// whole; one taken into a batch is written with it, whatever the token does afterwards.
/// </param>
internal sealed class AcceptRequest(string Channel, string MsgId, string GroupId, DateTimeOffset ReceivedAt, string Json, CancellationToken CancellationToken)
{
    // Continuations run on the pool, not on the writer's loop: a thousand callers resuming must not hold up the next batch.
    private readonly TaskCompletionSource<AcceptResult> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the request's batch has committed (or failed).</summary>
    public Task<AcceptResult> Task => _completion.Task;

    /// <summary>The message's key in the inbox: its channel and message id.</summary>
    public (string Channel, string MsgId) Key { get; } = (Channel, MsgId);

    /// <summary>The group.</summary>
    public string GroupId { get; } = GroupId;

    /// <summary>When it was received, at offset zero.</summary>
    public DateTimeOffset ReceivedAt { get; } = ReceivedAt;

    /// <summary>The message as the inbox keeps it.</summary>
    public string Json { get; } = Json;

    /// <summary>The caller's token.</summary>
    public CancellationToken CancellationToken { get; } = CancellationToken;

    /// <summary>After the commit: the caller learns the id, and whether the message was there before.</summary>
    public void Complete(AcceptResult result) => _completion.TrySetResult(result);

    /// <summary>Fails the caller's task: nothing of the request was written.</summary>
    public void Fail(Exception error) => _completion.TrySetException(error);

    /// <summary>Cancels the caller's task: the request was dropped before it was written.</summary>
    public void Cancel() => _completion.TrySetCanceled(CancellationToken);
}
