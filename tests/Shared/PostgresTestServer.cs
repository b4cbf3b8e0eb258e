using System.Diagnostics;
using Npgsql;

namespace ChainBot.Tests.Shared;

/// <summary>
/// The PostgreSQL server the tests run against, and a fresh database on it for each test. The server is the one
/// <c>CHAINBOT_TEST_POSTGRES</c> names (a connection string whose user may create databases: what <c>.ci/run</c>
/// exports); without it, the first test that needs one starts a throwaway cluster with <c>.ci/postgres.sh</c>, and
/// <see cref="PostgresTestServerFixture"/> stops it after the last test. Where neither works, the tests fail saying
/// how to get PostgreSQL: CI must not pass without running them.
/// </summary>
/// <remarks>Thread-safe: the cluster is started once, however many tests ask at once.</remarks>
internal static class PostgresTestServer
{
    /// <summary>The variable holding the server's connection string.</summary>
    public const string Variable = "CHAINBOT_TEST_POSTGRES";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(2);
    private static readonly Lazy<Server> Instance = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Whether this test run started a cluster of its own (which <see cref="Stop"/> then stops).</summary>
    public static bool StartedHere => Instance.IsValueCreated && Instance.Value.ClusterDirectory is not null;

    /// <summary>
    /// Creates a database of its own for a test and returns its connection string; <see cref="DropDatabaseAsync"/>
    /// removes it. Fails the test, with how to get PostgreSQL, when there is no server.
    /// </summary>
    public static async Task<string> CreateDatabaseAsync()
    {
        var server = Current();
        string name = "chainbot_test_" + Guid.NewGuid().ToString("N");
        await using (var connection = new NpgsqlConnection(server.ConnectionString))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }
        return new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = name }.ConnectionString;
    }

    /// <summary>Drops a test's database, closing whatever connections are still open to it.</summary>
    public static async Task DropDatabaseAsync(string connectionString)
    {
        string name = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        await using var connection = new NpgsqlConnection(Current().ConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }

    /// <summary>Stops the cluster this run started, if it started one.</summary>
    public static void Stop()
    {
        if (!StartedHere)
            return;
        NpgsqlConnection.ClearAllPools();
        var (_, error) = Run("stop", Instance.Value.ClusterDirectory!);
        if (error is not null)
            TestContext.Progress.WriteLine("Stopping the PostgreSQL test cluster: " + error);
    }

    private static Server Current()
    {
        var server = Instance.Value;
        if (server.Failure is not null)
            Assert.Fail(server.Failure);
        return server;
    }

    private static Server Start()
    {
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } configured)
            return new Server(configured, null, null);

        string? script = FindScript();
        if (script is null)
            return new Server("", null, $"{Variable} is not set and .ci/postgres.sh was not found above {AppContext.BaseDirectory}. {HowTo}");
        var (output, error) = Run("start", null, script);
        if (error is not null)
            return new Server("", null, $"{Variable} is not set and starting a PostgreSQL cluster failed: {error}. {HowTo}");
        string? connectionString = Exported(output, Variable);
        string? directory = Exported(output, "CHAINBOT_TEST_POSTGRES_DIR");
        if (connectionString is null || directory is null)
            return new Server("", directory, $".ci/postgres.sh start printed no {Variable}: {output}");
        TestContext.Progress.WriteLine($"Started a PostgreSQL test cluster in {directory}");
        return new Server(connectionString, directory, null);
    }

    private const string HowTo =
        "The PostgreSQL tests need a server: install PostgreSQL (Debian: apt-get install postgresql) so that they start " +
        "a throwaway cluster with .ci/postgres.sh, or set " + Variable + " to the connection string of a user who may " +
        "create databases (bash .ci/run does this).";

    // The script prints `export NAME='value'` lines, for a shell's eval.
    private static string? Exported(string output, string name)
    {
        string prefix = $"export {name}='";
        return output.Split('\n').Select(line => line.Trim())
            .Where(line => line.StartsWith(prefix, StringComparison.Ordinal) && line.EndsWith('\''))
            .Select(line => line[prefix.Length..^1])
            .FirstOrDefault();
    }

    private static string? FindScript()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            string candidate = Path.Combine(directory.FullName, ".ci", "postgres.sh");
            if (File.Exists(candidate))
                return candidate;
        }
        return null;
    }

    private static (string Output, string? Error) Run(string verb, string? directory, string? script = null)
    {
        script ??= FindScript();
        if (script is null)
            return ("", ".ci/postgres.sh not found");
        var start = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(verb);
        if (directory is not null)
            start.ArgumentList.Add(directory);
        try
        {
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(StartTimeout))
            {
                process.Kill(entireProcessTree: true);
                return ("", $"postgres.sh {verb} did not finish within {StartTimeout.TotalSeconds:0} s");
            }
            process.WaitForExit();
            return process.ExitCode == 0
                ? (output.Result, null)
                : ("", $"postgres.sh {verb} exited with {process.ExitCode}: {error.Result.Trim()}");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return ("", "bash could not be run: " + e.Message);
        }
    }

    private sealed record Server(string ConnectionString, string? ClusterDirectory, string? Failure);
}
