using System.CommandLine;
using ChainBot.Cli.Input;
using ChainBot.Cli.Output;
using ChainBot.Core.Compounds;
using ChainBot.Core.Merging;

namespace ChainBot.Cli.Commands;

/// <summary>
/// <c>chainbot replay TRANSCRIPT [--json] [--at ISO8601] [--compound PATH]</c>: a transcript's messages merged as the bot merges them,
/// group by group, and every chain as it stands at the end (or at <c>--at</c>): each entry with who added and
/// changed it and its flags, the tally of the entries that count, the conflicts, and the messages the merger
/// ignored or could not place. <c>tally</c> of a transcript reports the same replay as totals only.
/// </summary>
internal static class ReplayCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliConsole console)
    {
        var file = TranscriptInput.Argument();
        var json = new Option<bool>("--json")
        {
            Description = "Print JSON (schemas/chainbot-output.schema.json, with the replay's members) instead of tables.",
        };
        var at = TranscriptInput.AtOption();
        var compound = CompoundInput.Option();
        var command = new Command(
            "replay",
            "Merge a transcript's chain posts, replies and commands group by group, and show each chain: entries with their "
                + "provenance and flags, the tally, conflicts, and the messages ignored or reported.")
        {
            file, json, at, compound,
        };
        command.SetAction(result => Execute(console, result.GetRequiredValue(file), result.GetValue(json), result.GetValue(at), result.GetValue(compound)));
        return command;
    }

    /// <summary>
    /// <c>tally</c> of a transcript: the same replay, each merged chain reported with the totals of the entries that
    /// count, in the JSON of a post (the replay's members left out).
    /// </summary>
    public static int Tally(CliConsole console, PostSource source, bool json, Compound? compound) =>
        Report(console, source, json, until: null, replay: false, compound);

    private static int Execute(CliConsole console, string path, bool json, string? atText, string? compoundPath)
    {
        if (!CompoundInput.TryRead(console, compoundPath, out var compound, out int failure))
            return failure;
        return TranscriptInput.TryRead(console, path, atText, out var source, out var until, out failure)
            ? Report(console, source, json, until, replay: true, compound)
            : failure;
    }

    private static int Report(CliConsole console, PostSource source, bool json, DateTimeOffset? until, bool replay, Compound? compound)
    {
        var groups = GroupReplay.Run(source.Messages, ChainMerger.Default, until);
        if (groups.All(static group => group.State.Chains.IsEmpty))
            ChainCommand.SayNoChain(console, source, json, until);
        if (json)
        {
            console.Out.Flush();
            JsonChainWriter.Write(console.OutputStream, groups, provenance: replay, compound);
            return ChainBotCli.Success;
        }

        var writer = HumanChainWriter.For(console);
        writer.Compound = compound;
        foreach (var group in groups)
        {
            if (replay)
            {
                writer.WriteReplay(group, source.Path);
                continue;
            }
            foreach (var chain in group.State.Chains)
                writer.WriteMergedTally(chain, group, source.Path);
        }
        return ChainBotCli.Success;
    }
}
