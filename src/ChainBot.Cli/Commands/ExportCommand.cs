using System.CommandLine;
using ChainBot.Exports;
using ChainBot.Cli.Input;
using ChainBot.Core.Compounds;
using ChainBot.Core.Merging;
using ChainBot.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace ChainBot.Cli.Commands;

/// <summary>
/// <c>chainbot export SOURCE --format xlsx|csv --out DIR [--at ISO8601] [--phones] [--compound PATH]</c>: the source
/// replayed — a transcript as <c>replay</c> replays it, or a server's SQLite database (known by its header, whatever
/// its name) as the server replays it, every group in it — and for each chain a workbook (or a folder of CSV files)
/// with the supplier's order, one list per building, the money due per building and the lines to check; with a
/// compound file, the totals per group and area (分区汇总) and the building lists zone by zone. Phone numbers only
/// with <c>--phones</c>.
/// </summary>
internal static class ExportCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliConsole console)
    {
        var file = new Argument<string>("SOURCE")
        {
            Description = "A transcript (JSON Lines, one message a line), or the server's SQLite database (data/chainbot.db), "
                + "read without changing it, also while the server runs.",
        };
        var format = new Option<string>("--format")
        {
            Description = "xlsx: one workbook per chain; csv: one folder per chain, a UTF-8 (with BOM) file per table.",
            Required = true,
        };
        format.AcceptOnlyFromAmong("xlsx", "csv");
        var output = new Option<string>("--out")
        {
            Description = "The folder to write into; created if missing. Files already there with the same names are replaced.",
            Required = true,
            HelpName = "DIR",
        };
        var at = TranscriptInput.AtOption();
        var phones = new Option<bool>("--phones")
        {
            Description = "Add households' phone numbers (the coordinator's own export). Without it no phone number is written.",
        };
        var compound = CompoundInput.Option();
        var command = new Command(
            "export",
            "Replay a transcript or the server's database and write each chain's 供应商订单, 分楼清单 (a sheet per building), 收款 and "
                + "待核对 as an xlsx workbook or CSV files; with --compound, 分区汇总 too.")
        {
            file, format, output, at, phones, compound,
        };
        command.SetAction((result, cancellationToken) => ExecuteAsync(
            console, result.GetRequiredValue(file), result.GetRequiredValue(format), result.GetRequiredValue(output),
            result.GetValue(at), result.GetValue(phones), result.GetValue(compound), cancellationToken));
        return command;
    }

    private static async Task<int> ExecuteAsync(
        CliConsole console, string path, string format, string folder, string? atText, bool phones, string? compoundPath, CancellationToken cancellationToken)
    {
        if (!CompoundInput.TryRead(console, compoundPath, out var compound, out int failure))
            return failure;
        if (File.Exists(path) && SqliteHistoryReader.IsDatabase(path))
        {
            DateTimeOffset? at = null;
            if (atText is not null)
            {
                if (!ChainCommand.TryReadTime(console, "--at", atText, out var time))
                    return ChainBotCli.Failure;
                at = time;
            }
            IReadOnlyList<ReplayedGroup> stored;
            try
            {
                (stored, int skipped, int messages) = await DatabaseReplay.RunAsync(path, at, cancellationToken).ConfigureAwait(false);
                if (skipped > 0)
                    console.Error.WriteLine($"chainbot: {skipped} of {messages} messages could not be merged and were skipped, as the server skipped them");
                if (stored.All(static group => group.State.Chains.IsEmpty))
                {
                    console.Out.WriteLine($"No chain post in '{path}' ({stored.Count} groups, {messages} processed messages).");
                    return ChainBotCli.Success;
                }
            }
            catch (Exception e) when (e is SqliteException or InvalidDataException or IOException or UnauthorizedAccessException)
            {
                return ChainCommand.CannotRead(console, path, e.Message);
            }
            return Write(console, stored, format, folder, phones, compound);
        }

        if (!TranscriptInput.TryRead(console, path, atText, out var source, out var until, out failure))
            return failure;

        var groups = GroupReplay.Run(source.Messages, CompoundInput.Merger(compound), until);
        if (groups.All(static group => group.State.Chains.IsEmpty))
        {
            ChainCommand.SayNoChain(console, source, json: false, until);
            return ChainBotCli.Success;
        }
        return Write(console, groups, format, folder, phones, compound);
    }

    /// <summary>Each chain of each group as a workbook or a folder of CSV files.</summary>
    private static int Write(CliConsole console, IReadOnlyList<ReplayedGroup> groups, string format, string folder, bool phones, Compound? compound)
    {

        Directory.CreateDirectory(folder);
        bool severalGroups = groups.Count(static g => !g.State.Chains.IsEmpty) > 1;
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var group in groups)
        {
            foreach (var chain in group.State.Chains)
            {
                var tables = ExportTableBuilder.Build(chain, phones, compound);
                string name = Unique(used, ExportNames.FileName(
                    (severalGroups && group.GroupId is { } id ? id + " " : string.Empty) + $"接龙{chain.ChainId} {tables.ChainTitle}"));
                TableFiles.Write(console, [.. tables.All], format, folder, name, $"{tables.Buildings.Length} buildings");
            }
        }
        return ChainBotCli.Success;
    }

    private static string Unique(HashSet<string> used, string name)
    {
        string candidate = name;
        for (int n = 2; !used.Add(candidate); n++)
            candidate = $"{name} ({n})";
        return candidate;
    }
}
