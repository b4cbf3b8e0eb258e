using System.CommandLine;
using System.Globalization;
using ChainBot.Cli.Input;
using ChainBot.Cli.Output;
using ChainBot.Core.Chains;
using ChainBot.Core.Compounds;
using ChainBot.Core.Parsing;
using ChainBot.Core.Tally;
using ChainBot.Core.Transcripts;

namespace ChainBot.Cli.Commands;

/// <summary>
/// What <c>parse</c> and <c>tally</c> share: the arguments (FILE, <c>--json</c>, <c>--time</c>), reading the
/// input, picking the chain, and the JSON output, which is the same for both. Only the human report differs, and
/// what a command makes of a transcript: <c>parse</c> reads its last chain post, <c>tally</c> merges it all.
/// What <c>replay</c> shares with them (times, bad lines, no chain) is here too.
/// </summary>
internal static class ChainCommand
{
    /// <summary>Writes the human report of a picked chain.</summary>
    public delegate void HumanReport(HumanChainWriter writer, PickedChain chain, string path);

    /// <summary>Reports a transcript in full, rather than its last chain post (rolled up to <paramref name="compound"/>'s zones when given); returns the exit code.</summary>
    public delegate int TranscriptReport(CliConsole console, PostSource source, bool json, Compound? compound);

    /// <summary>
    /// Builds a command <paramref name="name"/> that reads FILE and reports it with <paramref name="report"/>, or, for
    /// a transcript, with <paramref name="transcript"/> when one is given. With <paramref name="zones"/>, the command takes
    /// <c>--compound PATH</c> and reports the totals per zone too.
    /// </summary>
    public static Command Create(string name, string description, CliConsole console, PostParser parse, HumanReport report, TranscriptReport? transcript = null, bool zones = false)
    {
        var file = new Argument<string>("FILE")
        {
            Description = transcript is null
                ? "A plain-text post (one message), or a .jsonl transcript, of which the last chain post is read."
                : "A plain-text post (one message), or a .jsonl transcript, whose messages are merged group by group.",
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
        var compound = CompoundInput.Option();
        if (zones)
            command.Options.Add(compound);
        command.SetAction(result => Execute(
            console, parse, result.GetRequiredValue(file), result.GetValue(json), result.GetValue(time), report, transcript,
            zones ? result.GetValue(compound) : null));
        return command;
    }

    /// <summary>
    /// Reads a time option: ISO 8601, without an offset in the parser's zone (the compound's clock), as
    /// <c>--time</c> does. A bad one is a one-line message on stderr and false.
    /// </summary>
    public static bool TryReadTime(CliConsole console, string option, string text, out DateTimeOffset time)
    {
        ArgumentNullException.ThrowIfNull(console);
        if (TranscriptTime.TryParse(text, ChainParser.Default.TimeZone, out time))
            return true;
        console.Error.WriteLine($"chainbot: {option} '{text}' is not an ISO 8601 time (e.g. {TranscriptTime.Example})");
        return false;
    }

    /// <summary>Says that a file could not be read, in one line on stderr, and returns the exit code for it.</summary>
    public static int CannotRead(CliConsole console, string path, string error)
    {
        ArgumentNullException.ThrowIfNull(console);
        console.Error.WriteLine($"chainbot: cannot read '{path}': {error}");
        return ChainBotCli.Failure;
    }

    /// <summary>
    /// Lists a transcript's bad lines on stderr, one line each with its number and reason. A transcript typed or
    /// exported by hand has the odd bad line: say which, and go on with the rest.
    /// </summary>
    public static void ReportBadLines(CliConsole console, PostSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        ReportBadLines(console, source.Path, source.BadLines);
    }

    /// <summary>Lists bad lines of the transcript <paramref name="path"/> on stderr, one line each with its number and reason.</summary>
    public static void ReportBadLines(CliConsole console, string path, IEnumerable<TranscriptLine> badLines)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(badLines);
        foreach (var bad in badLines)
        {
            string detail = bad.Detail is null ? string.Empty : ": " + bad.Detail;
            console.Error.WriteLine($"chainbot: {path}:{bad.LineNumber.ToString(CultureInfo.InvariantCulture)}: {bad.Error}{detail}");
        }
    }

    /// <summary>
    /// Says that a file holds no chain (none sent by <paramref name="until"/>, when given): in JSON mode on stderr
    /// (stdout stays pure JSON, which the caller writes), in the human report as its first line.
    /// </summary>
    public static void SayNoChain(CliConsole console, PostSource source, bool json, DateTimeOffset? until = null)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(source);
        string by = until is { } at ? " by " + TranscriptTime.Format(at) : string.Empty;
        string none = $"no chain post in '{source.Path}'{by} ({source.Posts.Count.ToString(CultureInfo.InvariantCulture)} messages read)";
        if (json)
            console.Error.WriteLine("chainbot: " + none);
        else
            console.Out.WriteLine(char.ToUpperInvariant(none[0]) + none[1..] + ".");
    }

    private static int Execute(CliConsole console, PostParser parse, string path, bool json, string? timeText, HumanReport report, TranscriptReport? transcript, string? compoundPath)
    {
        if (!CompoundInput.TryRead(console, compoundPath, out var compound, out int failure))
            return failure;
        // "now" is read in the parser's zone, as --time without an offset is: the compound's clock.
        DateTimeOffset time;
        if (timeText is null)
            time = TimeZoneInfo.ConvertTime(console.Time.GetUtcNow(), ChainParser.Default.TimeZone);
        else if (!TryReadTime(console, "--time", timeText, out time))
            return ChainBotCli.Failure;

        if (json && ReferenceEquals(parse, ChainBotCli.DefaultParser) && !PostSource.IsTranscriptPath(path))
            return StreamJson(console, path, time, compound);

        if (!PostSource.TryRead(path, time, out var source, out string? error))
            return CannotRead(console, path, error);
        ReportBadLines(console, source);
        if (source.IsTranscript && transcript is not null)
            return transcript(console, source, json, compound);

        var chain = source.FindLastChain(parse);
        if (chain is null)
        {
            SayNoChain(console, source, json);
            if (json)
                JsonChainWriter.Write(console.OutputStream, []);
            return ChainBotCli.Success;
        }

        if (json)
        {
            console.Out.Flush();
            JsonChainWriter.Write(console.OutputStream, [chain.Post], compound);
        }
        else
        {
            var writer = HumanChainWriter.For(console);
            writer.Compound = compound;
            report(writer, chain, path);
        }
        return ChainBotCli.Success;
    }

    /// <summary>
    /// A plain-text post as JSON, streamed: the file is checked to be UTF-8, then read line by line and cut into parts
    /// that read the same apart (<see cref="ChainReader.ReadParts"/>). Workers parse and encode the parts at once while
    /// this thread writes the ones before and totals their entries. Nothing but the parts in flight is held.
    /// </summary>
    private static int StreamJson(CliConsole console, string path, DateTimeOffset time, Compound? compound)
    {
        if (!PostSource.TryCheckUtf8(path, out string? error))
            return CannotRead(console, path, error);
        using var text = PostSource.OpenText(path);
        using var chain = ChainParser.Default.Open(text, time);
        var header = chain.Header;
        console.Out.Flush();
        using var writer = new JsonChainWriter(console.OutputStream) { Compound = compound };
        writer.WriteStartDocument();
        writer.WriteStartChain(header, chain.Kind);
        var tally = new TallyBuilder(header.Catalogue);
        var unread = new List<UnreadLine>();
        writer.WriteEntries(EncodedParts.Read(chain), tally, unread);
        writer.WriteTally(tally.Build());
        writer.WriteUnread(unread);
        writer.WriteEndChain();
        writer.WriteEndDocument();
        return ChainBotCli.Success;
    }
}
