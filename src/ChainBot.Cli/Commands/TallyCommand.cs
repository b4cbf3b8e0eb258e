using System.CommandLine;
using ChainBot.Cli.Input;
using ChainBot.Core.Tally;

namespace ChainBot.Cli.Commands;

/// <summary>
/// <c>chainbot tally FILE [--json] [--time ISO8601] [--compound PATH]</c>: the totals per building (and, with a compound
/// file, per group and area) and for the compound. Of a post, its
/// entries; of a transcript, every chain its messages merge into (<see cref="ReplayCommand.Tally"/>), since no single
/// copy holds every line once the copies fork.
/// </summary>
internal static class TallyCommand
{
    /// <summary>Builds the command; <paramref name="parse"/> reads each message.</summary>
    public static Command Create(CliConsole console, PostParser parse) =>
        ChainCommand.Create(
            "tally",
            "Tally a 接龙 post: households, items and money per building, the totals, and the lines that could not be read.",
            console,
            parse,
            static (writer, chain, path) => writer.WriteTally(chain, ChainTally.Compute(chain.Post), path),
            ReplayCommand.Tally,
            zones: true);
}
