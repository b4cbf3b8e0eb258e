namespace ChainBot.Storage.Sqlite;

/// <summary>A <see cref="WriteRequest"/> whose work returns a <typeparamref name="T"/>.</summary>
/// <param name="work">What to write; it runs on the writer's thread, inside the batch's transaction.</param>
/// <param name="cancellationToken">The caller's token.</param>
internal sealed class WriteRequest<T>(Func<WriteSession, T> work, CancellationToken cancellationToken)
    : WriteRequest(cancellationToken)
{
    // Continuations run on the pool, not on the writer's thread: a thousand callers resuming must not hold up
    // the next batch.
    private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private T? _result;
    private Exception? _error;

    /// <summary>Completes when the request's batch has committed (or failed).</summary>
    public Task<T> Task => _completion.Task;

    /// <inheritdoc/>
    public override void Execute(WriteSession session) => _result = work(session);

    /// <inheritdoc/>
    public override void SetError(Exception error) => _error = error;

    /// <inheritdoc/>
    public override void Publish()
    {
        if (_error is not null)
            _completion.TrySetException(_error);
        else
            _completion.TrySetResult(_result!);
    }

    /// <inheritdoc/>
    public override void Fail(Exception error) => _completion.TrySetException(_error ?? error);

    /// <inheritdoc/>
    public override void Cancel() => _completion.TrySetCanceled(CancellationToken);
}
