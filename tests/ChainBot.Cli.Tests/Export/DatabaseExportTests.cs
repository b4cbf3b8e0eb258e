using System.Security.Cryptography;
using ChainBot.Cli.Input;
using ChainBot.Cli.Tests.Support;
using ChainBot.Storage;
using ChainBot.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace ChainBot.Cli.Tests.Export;

/// <summary>
/// <c>chainbot export chainbot.db</c>: a database written by the real store (as the server writes it: messages
/// accepted, then marked processed) exports the same files as the same messages given as a transcript, whether the
/// store still has the file open (a running server, WAL mode) or not; and reading it changes neither the database
/// file nor its write-ahead log.
/// </summary>
public sealed class DatabaseExportTests : TempDirFixture
{
    private static readonly string[] Transcripts = ["late", "interleaved", "owner-edit"];

    [Test]
    public async Task A_database_exports_what_its_messages_export_as_a_transcript_and_stays_unchanged(
        [Values("xlsx", "csv")] string format, [Values] bool serverRunning)
    {
        // Several transcripts in one file: several groups, as a server's database holds them.
        string transcript = Dir.Write("all.jsonl", string.Concat(Transcripts.Select(name =>
            File.ReadAllText(Path.Combine(ExportTests.RepositoryRoot(), "samples", "transcripts", name + ".jsonl")).TrimEnd('\n') + "\n")));
        Assert.That(PostSource.TryReadTranscript(transcript, out var source, out string? error), Is.True, error);
        // Named oddly on purpose: the header says what the file is.
        string database = Path.Combine(Dir.Root, "backup.bin");
        var store = new SqliteChainBotStore(database);
        try
        {
            var ids = new List<long>();
            foreach (var message in source!.Messages)
                ids.Add((await store.AcceptAsync(new InboxMessage("generic", message, message.Time))).Id);
            await store.CompleteAsync(ids, []);
            if (!serverRunning)
                await store.DisposeAsync();
            var before = Snapshot(database);

            var fromDatabase = CliRun.InProcess(["export", database, "--format", format, "--out", Path.Combine(Dir.Root, "db")]);
            var fromTranscript = CliRun.InProcess(["export", transcript, "--format", format, "--out", Path.Combine(Dir.Root, "jsonl")]);

            Assert.That(fromDatabase.ExitCode, Is.EqualTo(0), fromDatabase.Stderr);
            Assert.That(fromTranscript.ExitCode, Is.EqualTo(0), fromTranscript.Stderr);
            Assert.That(Snapshot(database), Is.EqualTo(before), "the export changed the database or its log");
            var files = Files(Path.Combine(Dir.Root, "db"));
            Assert.That(files.Keys, Has.Count.GreaterThanOrEqualTo(Transcripts.Length), "a file (or folder) per chain");
            Assert.That(files.Keys, Is.EqualTo(Files(Path.Combine(Dir.Root, "jsonl")).Keys));
            foreach (var (name, path) in files)
            {
                string twin = Path.Combine(Dir.Root, "jsonl", name);
                if (format == "xlsx")
                    Assert.That(Text(ExportReadBack.Workbook(path)), Is.EqualTo(Text(ExportReadBack.Workbook(twin))), name);
                else
                    Assert.That(File.ReadAllBytes(path), Is.EqualTo(File.ReadAllBytes(twin)), name);
            }
            Assert.That(fromDatabase.Stdout.Replace(Path.Combine(Dir.Root, "db"), "", StringComparison.Ordinal),
                Is.EqualTo(fromTranscript.Stdout.Replace(Path.Combine(Dir.Root, "jsonl"), "", StringComparison.Ordinal)));
        }
        finally
        {
            await store.DisposeAsync();
            SqliteConnection.ClearAllPools();
        }
    }

    [Test]
    public void A_sqlite_file_that_is_not_a_store_is_refused_in_one_line()
    {
        string database = Path.Combine(Dir.Root, "other.db");
        using (var connection = new SqliteConnection("Data Source=" + database + ";Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE t (x);";
            command.ExecuteNonQuery();
        }
        var run = CliRun.InProcess(["export", database, "--format", "xlsx", "--out", Path.Combine(Dir.Root, "out")]);
        Assert.That(run.ExitCode, Is.Not.EqualTo(0));
        Assert.That(run.Stderr.TrimEnd().Split('\n'), Has.Length.EqualTo(1), run.Stderr);
        Assert.That(run.Stderr, Does.Contain("not a ChainBot store"));
        Assert.That(Directory.Exists(Path.Combine(Dir.Root, "out")), Is.False);
    }

    /// <summary>Each file's hash and write time: the database and, when there is one, its write-ahead log.</summary>
    private static List<string> Snapshot(string database) =>
        [.. new[] { database, database + "-wal" }.Where(File.Exists).Select(path =>
            $"{Path.GetFileName(path)} {Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)))} {File.GetLastWriteTimeUtc(path):O}")];

    /// <summary>The workbooks or CSV files under a folder, by their path relative to it.</summary>
    private static SortedDictionary<string, string> Files(string folder) =>
        new(Directory.GetFiles(folder, "*", SearchOption.AllDirectories).ToDictionary(f => Path.GetRelativePath(folder, f)), StringComparer.Ordinal);

    private static List<string> Text(List<ReadTable> tables) =>
        [.. tables.Select(static t => t.Name + "\n" + string.Join("\n", t.AllText))];
}
