using System.CommandLine;
using ChainBot.Cli.Input;

namespace ChainBot.Cli.Commands;

/// <summary><c>chainbot parse FILE [--json] [--time ISO8601]</c>: what the parser read, entry by entry.</summary>
internal static class ParseCommand
{
    /// <summary>Builds the command; <paramref name="parse"/> reads each message.</summary>
    public static Command Create(CliConsole console, PostParser parse) =>
        ChainCommand.Create(
            "parse",
            "Read a 接龙 post: title, kind, deadline, catalogue, every entry, and the lines that could not be read.",
            console,
            parse,
            static (writer, chain, path) => writer.WriteEntries(chain, path));
}
