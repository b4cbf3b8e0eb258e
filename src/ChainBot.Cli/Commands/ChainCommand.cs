using System.CommandLine;
using System.Globalization;
using ChainBot.Cli.Input;
using ChainBot.Cli.Output;
using ChainBot.Core.Parsing;
using ChainBot.Core.Tally;
using ChainBot.Core.Transcripts;

namespace ChainBot.Cli.Commands;

/// <summary>
/// What <c>parse</c> and <c>tally</c> share: the arguments (FILE, <c>--json</c>, <c>--time</c>), reading the
/// input, picking the chain, and the JSON output, which is the same for both. Only the human report differs.
/// </summary>
internal static class ChainCommand
{
    /// <summary>Writes the human report of a picked chain.</summary>
    public delegate void HumanReport(HumanChainWriter writer, PickedChain chain, string path);

    /// <summary>Builds a command <paramref name="name"/> that reads FILE and reports it with <paramref name="report"/>.</summary>
    public static Command Create(string name, string description, CliConsole console, PostParser parse, HumanReport report)
    {
        var file = new Argument<string>("FILE")
        {
            Description = "A plain-text post (one message), or a .jsonl transcript, of which the last chain post is read.",
        };
        var json = new Option<bool>("--json")
        {
            Description = "Print JSON (schemas/chainbot-output.schema.json) instead of tables.",
        };
        var time = new Option<string?>("--time")
        {
            Description = "When a plain-text post was sent, ISO 8601 (" + TranscriptTime.Example
                + "; without an offset, China time). Relative deadlines (今晚8点) are read from it. Default: now. "
                + "A transcript's messages carry their own times.",
            HelpName = "ISO8601",
        };
        var command = new Command(name, description) { file, json, time };
        command.SetAction(result => Execute(
            console, parse, result.GetRequiredValue(file), result.GetValue(json), result.GetValue(time), report));
        return command;
    }

    private static int Execute(CliConsole console, PostParser parse, string path, bool json, string? timeText, HumanReport report)
    {
        // --time without an offset, and "now", are read in the parser's zone: the compound's clock.
        var zone = ChainParser.Default.TimeZone;
        DateTimeOffset time;
        if (timeText is null)
        {
            time = TimeZoneInfo.ConvertTime(console.Time.GetUtcNow(), zone);
        }
        else if (!TranscriptTime.TryParse(timeText, zone, out time))
        {
            console.Error.WriteLine($"chainbot: --time '{timeText}' is not an ISO 8601 time (e.g. {TranscriptTime.Example})");
            return ChainBotCli.Failure;
        }

        if (json && ReferenceEquals(parse, ChainBotCli.DefaultParser) && !PostSource.IsTranscriptPath(path))
            return StreamJson(console, path, time);

        if (!PostSource.TryRead(path, time, out var source, out string? error))
        {
            console.Error.WriteLine($"chainbot: cannot read '{path}': {error}");
            return ChainBotCli.Failure;
        }
        // A transcript typed or exported by hand has the odd bad line: say which, and go on with the rest.
        foreach (var bad in source.BadLines)
        {
            string detail = bad.Detail is null ? string.Empty : ": " + bad.Detail;
            console.Error.WriteLine($"chainbot: {path}:{bad.LineNumber.ToString(CultureInfo.InvariantCulture)}: {bad.Error}{detail}");
        }

        var chain = source.FindLastChain(parse);
        if (chain is null)
        {
            string none = $"no chain post in '{path}' ({source.Posts.Count.ToString(CultureInfo.InvariantCulture)} messages read)";
            if (json)
            {
                // stdout stays pure JSON: an empty list, and the explanation on stderr.
                console.Error.WriteLine("chainbot: " + none);
                JsonChainWriter.Write(console.OutputStream, []);
            }
            else
            {
                console.Out.WriteLine(char.ToUpperInvariant(none[0]) + none[1..] + ".");
            }
            return ChainBotCli.Success;
        }

        if (json)
        {
            console.Out.Flush();
            JsonChainWriter.Write(console.OutputStream, [chain.Post]);
        }
        else
        {
            report(HumanChainWriter.For(console), chain, path);
        }
        return ChainBotCli.Success;
    }

    /// <summary>
    /// A plain-text post as JSON, streamed: the file is checked to be UTF-8, then read line by line while entries are
    /// written and totalled one at a time. Nothing but the entries in flight is held. Reading and writing overlap:
    /// the parser runs on a worker thread and hands entries over in batches, while this thread writes the JSON.
    /// </summary>
    private static int StreamJson(CliConsole console, string path, DateTimeOffset time)
    {
        if (!PostSource.TryCheckUtf8(path, out string? error))
        {
            console.Error.WriteLine($"chainbot: cannot read '{path}': {error}");
            return ChainBotCli.Failure;
        }
        using var text = PostSource.OpenText(path);
        using var chain = ChainParser.Default.Open(text, time);
        var header = chain.Header;
        console.Out.Flush();
        using var writer = new JsonChainWriter(console.OutputStream);
        writer.WriteStartDocument();
        writer.WriteStartChain(header, chain.Kind);
        var tally = new TallyBuilder(header.Catalogue);
        using (var batches = EntryBatches.Start(chain))
            writer.WriteEntries(batches.Entries(), tally);
        writer.WriteTally(tally.Build());
        writer.WriteUnread(chain.Unread);
        writer.WriteEndChain();
        writer.WriteEndDocument();
        return ChainBotCli.Success;
    }
}
