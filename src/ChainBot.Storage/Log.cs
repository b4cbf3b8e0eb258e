using Microsoft.Extensions.Logging;

namespace ChainBot.Storage;

/// <summary>
/// The storage events (ids 2000–2999). They name files, versions and counts; never a message's text, a sender or
/// anything else from the groups.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 2000, EventName = "StoreOpened", Level = LogLevel.Information,
        Message = "Opened the SQLite store {Path} at schema version {Version}")]
    public static partial void StoreOpened(ILogger logger, string path, int version);

    [LoggerMessage(EventId = 2001, EventName = "SchemaMigrated", Level = LogLevel.Information,
        Message = "Migrated the SQLite store {Path} from schema version {From} to {To}")]
    public static partial void SchemaMigrated(ILogger logger, string path, int from, int to);

    [LoggerMessage(EventId = 2002, EventName = "WriteBatchFailed", Level = LogLevel.Error,
        Message = "A batch of {Count} writes failed and was rolled back; its callers were given the error")]
    public static partial void WriteBatchFailed(ILogger logger, int count, Exception exception);

    [LoggerMessage(EventId = 2003, EventName = "WriterFaulted", Level = LogLevel.Critical,
        Message = "The SQLite writer stopped; the store accepts no more writes")]
    public static partial void WriterFaulted(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 2010, EventName = "PostgresStoreOpened", Level = LogLevel.Information,
        Message = "Opened the PostgreSQL store {Database} on {Server} at schema version {Version}")]
    public static partial void PostgresStoreOpened(ILogger logger, string database, string server, int version);

    [LoggerMessage(EventId = 2011, EventName = "PostgresSchemaMigrated", Level = LogLevel.Information,
        Message = "Migrated the PostgreSQL store {Database} on {Server} from schema version {From} to {To}")]
    public static partial void PostgresSchemaMigrated(ILogger logger, string database, string server, int from, int to);

    [LoggerMessage(EventId = 2012, EventName = "AcceptBatchFailed", Level = LogLevel.Warning,
        Message = "A batch of {Count} accepts failed and was rolled back; each is written alone")]
    public static partial void AcceptBatchFailed(ILogger logger, int count, Exception exception);

    [LoggerMessage(EventId = 2013, EventName = "AcceptWriterFaulted", Level = LogLevel.Critical,
        Message = "The PostgreSQL accept writer stopped; the store accepts no more messages")]
    public static partial void AcceptWriterFaulted(ILogger logger, Exception exception);
}
