using System.Globalization;
using Microsoft.Data.Sqlite;

namespace ChainBot.Server.Tests.Support;

/// Looks straight into the SQLite file, past the store, to count what was written: a refused request that was
/// stored and processed at once would leave no pending count, but it would leave a row.
internal static class InboxFile
{
    public static long Count(string dbPath, string sql)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = dbPath,
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// Every message id in the inbox, in the order they were accepted.
    public static IReadOnlyList<string> MessageIds(string dbPath)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = dbPath,
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT msg_id FROM inbox ORDER BY id";
        using var reader = command.ExecuteReader();
        var ids = new List<string>();
        while (reader.Read())
            ids.Add(reader.GetString(0));
        return ids;
    }
}
