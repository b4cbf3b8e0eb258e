using Microsoft.Extensions.Options;
using Npgsql;

namespace ChainBot.Server.Options;

/// <summary>
/// Refuses to start on PostgreSQL without a usable connection string, naming the key — never the string, which holds
/// a password.
/// </summary>
internal sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    private const string Key = StorageOptions.Section + ":Postgres:ConnectionString";

    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        if (options.Provider != StorageProvider.Postgres)
            return ValidateOptionsResult.Success;
        if (string.IsNullOrWhiteSpace(options.Postgres.ConnectionString))
            return ValidateOptionsResult.Fail($"{Key} is missing: it is required when {StorageOptions.Section}:Provider is Postgres");
        NpgsqlConnectionStringBuilder parsed;
        try
        {
            parsed = new NpgsqlConnectionStringBuilder(options.Postgres.ConnectionString);
        }
        catch (ArgumentException)
        {
            // Npgsql's message may quote a part of the string; the part may be the password.
            return ValidateOptionsResult.Fail($"{Key} is not a valid connection string (Host=…;Port=…;Database=…;Username=…;Password=…)");
        }
        return string.IsNullOrWhiteSpace(parsed.Host)
            ? ValidateOptionsResult.Fail($"{Key} names no Host")
            : ValidateOptionsResult.Success;
    }
}
