using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace ChainBot.Storage.Postgres;

/// <summary>
/// Group commit for the inbox: one loop takes every accept queued at the moment and writes them with one
/// <c>INSERT … SELECT FROM unnest(…) ON CONFLICT DO NOTHING</c>, one statement and one commit (one WAL flush) for the
/// lot. Under load, what arrives during one commit goes into the next, so the commits a second stay near what the
/// server's disk does while the accepts a second grow with the callers; and within an instance ids follow the order
/// of acceptance, since one statement numbers them in the order they were queued.
/// </summary>
/// <remarks>
/// <para>A request's task completes after its batch has committed, so a completed accept is durable (the store's
/// connections run with <c>synchronous_commit=on</c>).</para>
/// <para>A batch that fails (a value PostgreSQL refuses, a deadlock with another instance inserting the same ids in
/// another order) is rolled back whole and its requests are then written one by one, so a request fails only for its
/// own reason. A lost connection fails them all; the next batch opens a new one.</para>
/// <para>Enqueueing is thread-safe; disposing drains the queue: every request enqueued before is written.</para>
/// </remarks>
internal sealed class PostgresAcceptWriter : IAsyncDisposable
{
    // No row comes back on a conflict: those messages are duplicates, whose first rows are read next.
    private const string InsertSql = """
        INSERT INTO inbox (channel, msg_id, group_id, received_at, message)
        SELECT m.channel, m.msg_id, m.group_id, m.received_at, m.message::json
        FROM unnest(@channels, @msgIds, @groupIds, @receivedAts, @messages) WITH ORDINALITY
            AS m(channel, msg_id, group_id, received_at, message, ord)
        ORDER BY m.ord
        ON CONFLICT (channel, msg_id) DO NOTHING
        RETURNING id, channel, msg_id
        """;

    // A new statement, so a new snapshot: it sees a row another transaction committed while the insert waited on it.
    private const string ExistingSql = """
        SELECT i.id, i.channel, i.msg_id FROM inbox AS i
        JOIN unnest(@channels, @msgIds) AS k(channel, msg_id) ON i.channel = k.channel AND i.msg_id = k.msg_id
        """;

    private readonly Channel<AcceptRequest> _queue = Channel.CreateUnbounded<AcceptRequest>(
        new UnboundedChannelOptions { SingleReader = true, AllowSynchronousContinuations = false });
    private readonly NpgsqlDataSource _dataSource;
    private readonly int _maxBatchSize;
    private readonly ILogger _logger;
    private readonly Task _loop;
    private long _commits;
    private long _committedWrites;

    /// <summary>Starts the writer on <paramref name="dataSource"/>.</summary>
    public PostgresAcceptWriter(NpgsqlDataSource dataSource, int maxBatchSize, ILogger logger)
    {
        _dataSource = dataSource;
        _maxBatchSize = maxBatchSize;
        _logger = logger;
        _loop = Task.Run(RunAsync);
    }

    /// <summary>How many batches have committed: with <see cref="CommittedWrites"/>, how well group commit groups.</summary>
    public long Commits => Interlocked.Read(ref _commits);

    /// <summary>How many requests those batches held.</summary>
    public long CommittedWrites => Interlocked.Read(ref _committedWrites);

    /// <summary>
    /// Queues <paramref name="request"/> for the next batch. The task completes once the batch has committed; if the
    /// request's token fires first, the task is cancelled, and the message may still be written.
    /// </summary>
    /// <exception cref="ObjectDisposedException">The writer is stopping or stopped.</exception>
    public Task<AcceptResult> Enqueue(AcceptRequest request)
    {
        var token = request.CancellationToken;
        if (token.IsCancellationRequested)
            return Task.FromCanceled<AcceptResult>(token);
        if (!_queue.Writer.TryWrite(request))
            throw new ObjectDisposedException(nameof(PostgresChainBotStore), "The store's accept writer has stopped.");
        return token.CanBeCanceled ? request.Task.WaitAsync(token) : request.Task;
    }

    /// <summary>Stops taking requests and writes those queued.</summary>
    public ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        return new ValueTask(_loop);
    }

    private async Task RunAsync()
    {
        var reader = _queue.Reader;
        var batch = new List<AcceptRequest>(Math.Min(_maxBatchSize, 1024));
        try
        {
            while (await reader.WaitToReadAsync().ConfigureAwait(false))
            {
                while (batch.Count < _maxBatchSize && reader.TryRead(out var request))
                {
                    if (request.CancellationToken.IsCancellationRequested)
                        request.Cancel();
                    else
                        batch.Add(request);
                }
                if (batch.Count > 0)
                    await WriteOrSplitAsync(batch).ConfigureAwait(false);
                batch.Clear();
            }
        }
        catch (Exception e)
        {
            // Whatever stopped the loop, no caller may be left waiting on a request.
            Log.AcceptWriterFaulted(_logger, e);
            _queue.Writer.TryComplete(e);
            foreach (var request in batch)
                request.Fail(e);
            while (reader.TryRead(out var request))
                request.Fail(e);
        }
    }

    private async Task WriteOrSplitAsync(List<AcceptRequest> batch)
    {
        try
        {
            await WriteAsync(batch).ConfigureAwait(false);
            return;
        }
        catch (Exception e) when (batch.Count > 1)
        {
            Log.AcceptBatchFailed(_logger, batch.Count, e);
        }
        catch (Exception e)
        {
            batch[0].Fail(e);
            return;
        }
        foreach (var request in batch)
        {
            try
            {
                await WriteAsync([request]).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                request.Fail(e);
            }
        }
    }

    // One statement, so one implicit transaction and one commit; the results are given out only after it.
    private async Task WriteAsync(List<AcceptRequest> batch)
    {
        var keys = batch.Select(r => r.Key).ToArray();
        var inserted = new Dictionary<(string, string), long>(batch.Count);
        await using var connection = await _dataSource.OpenConnectionAsync().ConfigureAwait(false);
        await using (var insert = new NpgsqlCommand(InsertSql, connection))
        {
            insert.Parameters.AddWithValue("channels", keys.Select(k => k.Channel).ToArray());
            insert.Parameters.AddWithValue("msgIds", keys.Select(k => k.MsgId).ToArray());
            insert.Parameters.AddWithValue("groupIds", batch.Select(r => r.GroupId).ToArray());
            insert.Parameters.AddWithValue("receivedAts", batch.Select(r => r.ReceivedAt).ToArray());
            insert.Parameters.AddWithValue("messages", batch.Select(r => r.Json).ToArray());
            await using var rows = await insert.ExecuteReaderAsync().ConfigureAwait(false);
            while (await rows.ReadAsync().ConfigureAwait(false))
                inserted.Add((rows.GetString(1), rows.GetString(2)), rows.GetInt64(0));
        }

        var results = new AcceptResult[batch.Count];
        var duplicates = new List<int>();
        for (int i = 0; i < batch.Count; i++)
        {
            // The first of a batch's copies of a message is the one inserted; the others are its duplicates.
            if (inserted.Remove(keys[i], out long id))
                results[i] = new AcceptResult(id, Duplicate: false);
            else
                duplicates.Add(i);
        }
        if (duplicates.Count > 0)
        {
            var existing = await ExistingAsync(connection, duplicates.Select(i => keys[i]).Distinct().ToArray()).ConfigureAwait(false);
            foreach (int i in duplicates)
            {
                results[i] = existing.TryGetValue(keys[i], out long id)
                    ? new AcceptResult(id, Duplicate: true)
                    : throw new InvalidOperationException("A message the inbox refused as a duplicate is not in it.");
            }
        }

        Interlocked.Increment(ref _commits);
        Interlocked.Add(ref _committedWrites, batch.Count);
        for (int i = 0; i < batch.Count; i++)
            batch[i].Complete(results[i]);
    }

    private static async Task<Dictionary<(string, string), long>> ExistingAsync(NpgsqlConnection connection, (string Channel, string MsgId)[] keys)
    {
        await using var select = new NpgsqlCommand(ExistingSql, connection);
        select.Parameters.AddWithValue("channels", keys.Select(k => k.Channel).ToArray());
        select.Parameters.AddWithValue("msgIds", keys.Select(k => k.MsgId).ToArray());
        var existing = new Dictionary<(string, string), long>(keys.Length);
        await using var rows = await select.ExecuteReaderAsync().ConfigureAwait(false);
        while (await rows.ReadAsync().ConfigureAwait(false))
            existing[(rows.GetString(1), rows.GetString(2))] = rows.GetInt64(0);
        return existing;
    }
}
