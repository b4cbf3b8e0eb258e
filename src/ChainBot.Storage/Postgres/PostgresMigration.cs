namespace ChainBot.Storage.Postgres;

/// <summary>One step of the PostgreSQL schema: what takes a database from the version before it to <paramref name="Version"/>.</summary>
/// <param name="Version">The schema version after the step, recorded as a row of <c>schema_version</c>.</param>
/// <param name="Description">What the step changes, for the log and the <c>schema_version</c> row.</param>
/// <param name="Sql">The statements, run in the migration's transaction.</param>
internal sealed record PostgresMigration(int Version, string Description, string Sql);
