using System.CommandLine;
using ChainBot.Exports;
using ChainBot.Cli.Input;
using ChainBot.Core.Merging;

namespace ChainBot.Cli.Commands;

/// <summary>
/// <c>chainbot export TRANSCRIPT --format xlsx|csv --out DIR [--at ISO8601] [--phones] [--compound PATH]</c>: the
/// transcript replayed as <c>replay</c> replays it, and for each chain a workbook (or a folder of CSV files) with the
/// supplier's order, one list per building, the money due per building and the lines to check; with a compound file,
/// the totals per group and area (分区汇总) and the building lists zone by zone. Phone numbers only with <c>--phones</c>.
/// </summary>
internal static class ExportCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliConsole console)
    {
        var file = TranscriptInput.Argument();
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
            "Replay a transcript and write each chain's 供应商订单, 分楼清单 (a sheet per building), 收款 and 待核对 as an xlsx "
                + "workbook or CSV files; with --compound, 分区汇总 too.")
        {
            file, format, output, at, phones, compound,
        };
        command.SetAction(result => Execute(
            console, result.GetRequiredValue(file), result.GetRequiredValue(format), result.GetRequiredValue(output),
            result.GetValue(at), result.GetValue(phones), result.GetValue(compound)));
        return command;
    }

    private static int Execute(CliConsole console, string path, string format, string folder, string? atText, bool phones, string? compoundPath)
    {
        if (!CompoundInput.TryRead(console, compoundPath, out var compound, out int failure))
            return failure;
        if (!TranscriptInput.TryRead(console, path, atText, out var source, out var until, out failure))
            return failure;

        var groups = GroupReplay.Run(source.Messages, ChainMerger.Default, until);
        if (groups.All(static group => group.State.Chains.IsEmpty))
        {
            ChainCommand.SayNoChain(console, source, json: false, until);
            return ChainBotCli.Success;
        }

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
