using System.CommandLine;
using ChainBot.Cli.Input;
using ChainBot.Cli.Output;
using ChainBot.Core.Ledgers;
using ChainBot.Core.Merging;
using ChainBot.Exports;

namespace ChainBot.Cli.Commands;

/// <summary>
/// <c>chainbot ledger TRANSCRIPT [--name 配药] [--history] [--json] [--at ISO8601] [--format xlsx|csv --out DIR [--phones]]</c>:
/// the transcript replayed as <c>replay</c> replays it, every group's roster chains gathered into the compound's
/// standing ledgers (台账: 配药, 行动不便, 外出, 燃气充值), and each household's current registration printed, or
/// written as a workbook (a sheet per ledger and a 历史 sheet) or CSV files.
/// </summary>
internal static class LedgerCommand
{
    /// <summary>The workbook's (or CSV folder's) name in the output folder.</summary>
    public const string FileName = "台账";

    /// <summary>Builds the command.</summary>
    public static Command Create(CliConsole console)
    {
        var file = TranscriptInput.Argument();
        var name = new Option<string?>("--name")
        {
            Description = "Only this ledger (配药, 行动不便, 外出, 燃气充值, or one of their words: 外出人员). Default: every ledger the transcript feeds.",
        };
        var history = new Option<bool>("--history") { Description = "Print every registration of each household, newest first, under the current ones." };
        var json = new Option<bool>("--json") { Description = "Print JSON (schemas/chainbot-ledger.schema.json), histories included, instead of tables." };
        var at = TranscriptInput.AtOption();
        var format = new Option<string?>("--format") { Description = "Write files instead of printing: xlsx, one workbook; csv, a folder of UTF-8 (with BOM) files." };
        format.AcceptOnlyFromAmong("xlsx", "csv");
        var output = new Option<string?>("--out") { Description = "The folder to write into with --format; created if missing.", HelpName = "DIR" };
        var phones = new Option<bool>("--phones") { Description = "With --format: names written whole and a 电话 column (the coordinator's own file)." };
        var add = new Option<string[]>("--add-ledger")
        {
            Description = "Another ledger, as the server's ChainBot:Groups:{id}:Ledgers setting adds one: its name, and after = the title words that feed it, separated by commas (核酸志愿者=核酸志愿,大白报名). Repeatable.",
            HelpName = "NAME[=WORD,…]",
        };
        var command = new Command(
            "ledger",
            "Replay a transcript and show the standing ledgers (台账) its roster chains feed: each household's latest registration, with its history.")
        {
            file, name, history, json, at, format, output, phones, add,
        };
        command.SetAction(result => Execute(console, result.GetRequiredValue(file), new Request(
            result.GetValue(name), result.GetValue(history), result.GetValue(json), result.GetValue(at),
            result.GetValue(format), result.GetValue(output), result.GetValue(phones), result.GetValue(add) ?? [])));
        return command;
    }

    private sealed record Request(string? Name, bool History, bool Json, string? At, string? Format, string? Out, bool Phones, string[] Added);

    private static int Execute(CliConsole console, string path, Request request)
    {
        if (request.Format is not null != request.Out is not null)
            return Fail(console, "--format and --out go together");
        if (request.Format is not null && request.Json)
            return Fail(console, "--json prints; --format writes files: choose one");
        if (request.Phones && request.Format is null)
            return Fail(console, "--phones is for --format files only: printed ledgers never show phone numbers");
        var catalog = LedgerCatalog.Default;
        foreach (string added in request.Added)
        {
            var (ledger, words) = SplitAdded(added);
            if (string.IsNullOrWhiteSpace(ledger))
                return Fail(console, $"--add-ledger '{added}' names no ledger: write NAME or NAME=WORD,WORD");
            catalog = catalog.With(ledger, words);
        }
        LedgerDefinition? only = null;
        if (request.Name is { } asked && (only = catalog.Find(asked)) is null)
            return Fail(console, $"no ledger named '{asked}'; the ledgers are {string.Join(", ", catalog.Definitions.Select(static d => d.Name))}");
        if (!TranscriptInput.TryRead(console, path, request.At, out var source, out var until, out int failure))
            return failure;

        var groups = GroupReplay.Run(source.Messages, ChainMerger.Default, until);
        var ledgers = LedgerBuilder.Build(groups.Select(static g => new LedgerSource(g.GroupId, g.State)), catalog)
            .Where(ledger => only is null || ledger.Name == only.Name)
            .ToList();

        if (request.Json)
        {
            console.Out.Flush();
            JsonLedgerWriter.Write(console.OutputStream, ledgers);
            return ChainBotCli.Success;
        }
        if (ledgers.Count == 0)
        {
            console.Out.WriteLine(only is null
                ? $"No ledger in '{source.Path}': no roster chain's title names one ({string.Join(", ", catalog.Definitions.Select(static d => d.Name))})."
                : $"No {only.Name} ledger in '{source.Path}': no roster chain's title names it.");
            return ChainBotCli.Success;
        }
        if (request.Format is { } fileFormat)
            return WriteFiles(console, ledgers, fileFormat, request.Out!, request.Phones);
        new HumanLedgerWriter(HumanChainWriter.Renderer(console)).Write(ledgers, source.Path, request.History);
        return ChainBotCli.Success;
    }

    private static int WriteFiles(CliConsole console, List<Ledger> ledgers, string format, string folder, bool phones)
    {
        Directory.CreateDirectory(folder);
        var tables = LedgerTableBuilder.Build(ledgers, phones);
        int households = ledgers.Sum(static l => l.CurrentCount);
        TableFiles.Write(console, tables, format, folder, FileName, $"{ledgers.Count} ledgers, {households} current households");
        return ChainBotCli.Success;
    }

    /// <summary><c>核酸志愿者=核酸志愿,大白报名</c> → the name and its words (commas, full-width ones too).</summary>
    private static (string Name, string[] Words) SplitAdded(string text)
    {
        int equals = text.IndexOf('=', StringComparison.Ordinal);
        return equals < 0
            ? (text.Trim(), [])
            : (text[..equals].Trim(), text[(equals + 1)..].Split([',', '，'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    private static int Fail(CliConsole console, string message)
    {
        console.Error.WriteLine("chainbot: " + message);
        return ChainBotCli.Failure;
    }
}
