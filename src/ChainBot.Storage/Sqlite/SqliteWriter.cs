using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace ChainBot.Storage.Sqlite;

/// <summary>
/// The one writer of a store: a thread that takes every request queued at the moment, writes them in one
/// transaction and commits once (group commit). Under load, what arrives during one commit's fsync goes into the
/// next commit, so the number of fsyncs stays near what the disk can do while the number of writes grows with the
/// callers. A single writer also means SQLite's write lock is never contended within the process: no
/// "database is locked".
/// </summary>
/// <remarks>
/// <para>A request's task completes after its batch has committed, so a completed write is on disk.</para>
/// <para>Each request runs inside a savepoint: one whose work fails (a constraint) is rolled back alone and its caller
/// gets the error; the rest of the batch commits. A failure that ends the transaction (I/O, disk full) fails the whole
/// batch and nothing of it is written; the next batch gets a new connection.</para>
/// <para>Enqueueing is thread-safe; disposing drains the queue: every request enqueued before is written.</para>
/// </remarks>
internal sealed class SqliteWriter : IDisposable, IAsyncDisposable
{
    private readonly Channel<WriteRequest> _queue = Channel.CreateUnbounded<WriteRequest>(
        new UnboundedChannelOptions { SingleReader = true, AllowSynchronousContinuations = false });
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly SqliteConnections _connections;
    private readonly int _maxBatchSize;
    private readonly ILogger _logger;
    private readonly Thread _thread;
    private WriteSession? _session;
    private long _commits;
    private long _committedWrites;

    /// <summary>Starts the writer on <paramref name="session"/>, whose connection it then owns.</summary>
    public SqliteWriter(WriteSession session, SqliteConnections connections, int maxBatchSize, ILogger logger)
    {
        _session = session;
        _connections = connections;
        _maxBatchSize = maxBatchSize;
        _logger = logger;
        // A thread of its own rather than a pool thread: it blocks in SQLite (the fsync) for most of its life.
        _thread = new Thread(Run) { IsBackground = true, Name = "ChainBot SQLite writer" };
        _thread.Start();
    }

    /// <summary>How many batches have committed: with <see cref="CommittedWrites"/>, how well group commit groups.</summary>
    public long Commits => Interlocked.Read(ref _commits);

    /// <summary>How many requests those batches held.</summary>
    public long CommittedWrites => Interlocked.Read(ref _committedWrites);

    /// <summary>
    /// Queues <paramref name="work"/> for the next batch. The task completes once the batch has committed; if
    /// <paramref name="cancellationToken"/> fires first, the task is cancelled, and the write may still be made.
    /// </summary>
    /// <exception cref="ObjectDisposedException">The writer is stopping or stopped.</exception>
    public Task<T> Enqueue<T>(Func<WriteSession, T> work, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
            return Task.FromCanceled<T>(cancellationToken);
        var request = new WriteRequest<T>(work, cancellationToken);
        if (!_queue.Writer.TryWrite(request))
            throw new ObjectDisposedException(nameof(SqliteChainBotStore), "The store's writer has stopped.");
        return cancellationToken.CanBeCanceled ? request.Task.WaitAsync(cancellationToken) : request.Task;
    }

    /// <summary>Stops taking requests, writes those queued and closes the connection; blocks until done.</summary>
    public void Dispose()
    {
        _queue.Writer.TryComplete();
        if (Thread.CurrentThread != _thread)
            _thread.Join();
    }

    /// <summary>Stops taking requests, writes those queued and closes the connection.</summary>
    public ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        return new ValueTask(_stopped.Task);
    }

    private void Run()
    {
        var reader = _queue.Reader;
        var batch = new List<WriteRequest>(Math.Min(_maxBatchSize, 1024));
        try
        {
            while (WaitToRead(reader))
            {
                while (batch.Count < _maxBatchSize && reader.TryRead(out var request))
                {
                    if (request.CancellationToken.IsCancellationRequested)
                        request.Cancel();
                    else
                        batch.Add(request);
                }
                if (batch.Count > 0)
                    Write(batch);
                batch.Clear();
            }
        }
        catch (Exception e)
        {
            // Whatever stopped the loop, no caller may be left waiting on a request.
            Log.WriterFaulted(_logger, e);
            _queue.Writer.TryComplete(e);
            foreach (var request in batch)
                request.Fail(e);
            while (reader.TryRead(out var request))
                request.Fail(e);
        }
        finally
        {
            _session?.Dispose();
            _session = null;
            _stopped.TrySetResult();
        }
    }

    // The thread is the writer's own, so it simply blocks until there is something to write or nothing more will come.
    private static bool WaitToRead(ChannelReader<WriteRequest> reader)
    {
        var wait = reader.WaitToReadAsync();
        return wait.IsCompletedSuccessfully ? wait.Result : wait.AsTask().GetAwaiter().GetResult();
    }

    private void Write(List<WriteRequest> batch)
    {
        try
        {
            var session = _session ??= new WriteSession(_connections.Open(_connections.Writer));
            session.Begin();
            foreach (var request in batch)
                Execute(session, request);
            session.Commit();
        }
        catch (Exception e)
        {
            // The error goes to every caller of the batch; the writer goes on with the next.
            Log.WriteBatchFailed(_logger, batch.Count, e);
            foreach (var request in batch)
                request.Fail(e);
            // Whatever state the connection is in, the next batch starts on a new one.
            _session?.Dispose();
            _session = null;
            return;
        }
        Interlocked.Increment(ref _commits);
        Interlocked.Add(ref _committedWrites, batch.Count);
        foreach (var request in batch)
            request.Publish();
    }

    private static void Execute(WriteSession session, WriteRequest request)
    {
        session.Command("SAVEPOINT request").ExecuteNonQuery();
        try
        {
            request.Execute(session);
        }
        catch (Exception e) when (session.InTransaction)
        {
            // The request's own failure: undo what it wrote and go on with the batch.
            session.Command("ROLLBACK TO request").ExecuteNonQuery();
            session.Command("RELEASE request").ExecuteNonQuery();
            request.SetError(e);
            return;
        }
        session.Command("RELEASE request").ExecuteNonQuery();
    }
}
