namespace ChainBot.Storage.Sqlite;

/// <summary>
/// One write waiting for the writer: its work, run inside a batch's transaction, and the task its caller awaits,
/// which completes only after that transaction has committed.
/// </summary>
internal abstract class WriteRequest
{
    /// <summary>Creates a request that the caller may give up on with <paramref name="cancellationToken"/>.</summary>
    protected WriteRequest(CancellationToken cancellationToken) => CancellationToken = cancellationToken;

    /// <summary>
    /// The caller's token. It is looked at once, when the writer takes the request: a request cancelled by then is
    /// dropped whole; one taken into a batch is written with it, whatever the token does afterwards.
    /// </summary>
    public CancellationToken CancellationToken { get; }

    /// <summary>Does the work in the batch's transaction and keeps its result (or its own failure) for <see cref="Publish"/>.</summary>
    public abstract void Execute(WriteSession session);

    /// <summary>Records that the work failed by itself: its statements were rolled back, the batch goes on.</summary>
    public abstract void SetError(Exception error);

    /// <summary>After the commit: completes the caller's task with the result or the request's own failure.</summary>
    public abstract void Publish();

    /// <summary>Fails the caller's task: the batch did not commit, so nothing of the request was written.</summary>
    public abstract void Fail(Exception error);

    /// <summary>Cancels the caller's task: the request was dropped before it was written.</summary>
    public abstract void Cancel();
}
