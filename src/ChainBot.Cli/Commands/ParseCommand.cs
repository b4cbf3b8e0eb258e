using System.CommandLine;

namespace ChainBot.Cli.Commands;

/// <summary><c>chainbot parse FILE [--json] [--time ISO8601]</c>: what the parser read, entry by entry.</summary>
internal static class ParseCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliConsole console) =>
        ChainCommand.Create(
            "parse",
            "Read a 接龙 post: title, kind, deadline, catalogue, every entry, and the lines that could not be read.",
            console,
            static (writer, chain, path) => writer.WriteEntries(chain, path));
}
