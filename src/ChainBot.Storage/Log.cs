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
}
