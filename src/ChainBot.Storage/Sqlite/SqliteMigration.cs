namespace ChainBot.Storage.Sqlite;

/// <summary>One step of the schema: what takes a database from the version before it to <paramref name="Version"/>.</summary>
/// <param name="Version">The schema version after the step, which is also what <c>PRAGMA user_version</c> then holds.</param>
/// <param name="Description">What the step changes, for the log.</param>
/// <param name="Sql">The statements, run in the migration's transaction.</param>
internal sealed record SqliteMigration(int Version, string Description, string Sql);
