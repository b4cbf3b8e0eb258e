using System.CommandLine;
using ChainBot.Cli.Commands;
using ChainBot.Cli.Input;
using ChainBot.Core;

namespace ChainBot.Cli;

/// <summary>
/// The command line: <c>chainbot parse FILE</c>, <c>chainbot tally FILE</c>, <c>chainbot replay TRANSCRIPT</c>, <c>chainbot export TRANSCRIPT</c>, <c>chainbot ledger TRANSCRIPT</c> and
/// <c>chainbot segment FILE</c> offline; <c>chainbot post TRANSCRIPT</c> and <c>chainbot load TRANSCRIPT</c> against a
/// running bot.
/// </summary>
internal static class ChainBotCli
{
    /// <summary>Exit code of a run that did what was asked (also: a transcript that holds no chain post).</summary>
    public const int Success = 0;

    /// <summary>Exit code of a run that could not: unreadable input, bad arguments, a failure writing the output.</summary>
    public const int Failure = 1;

    /// <summary>
    /// The parser of a normal run. With it, a plain-text post asked for as JSON is streamed: read line by line and
    /// written entry by entry, so a chain of any size costs a buffer, not a copy of itself.
    /// </summary>
    public static readonly PostParser DefaultParser = static (text, time) => ChainText.Parse(text, time);

    /// <summary>
    /// Runs the command line against <paramref name="console"/>. Whatever goes wrong ends as one line on stderr and
    /// exit code 1: users of a command-line tool need the reason, not a stack trace.
    /// </summary>
    /// <param name="args">The command line.</param>
    /// <param name="console">Where output goes.</param>
    /// <param name="parse">Reads one message; default <see cref="ChainText.Parse"/> with the default parser.</param>
    public static int Run(string[] args, CliConsole console, PostParser? parse = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(console);
        parse ??= DefaultParser;
        try
        {
            var root = new RootCommand("ChainBot's command-line tool: read 接龙 (sign-up chain) posts and tally them per building; "
                + "post transcripts to a running bot, or load it.")
            {
                ParseCommand.Create(console, parse),
                TallyCommand.Create(console, parse),
                ReplayCommand.Create(console),
                ExportCommand.Create(console),
                LedgerCommand.Create(console),
                SegmentCommand.Create(console),
                PostCommand.Create(console),
                LoadCommand.Create(console),
            };
            var invocation = new InvocationConfiguration
            {
                Output = console.Out,
                Error = console.Error,
                // Its handler prints the exception with its stack trace; ours below prints the message.
                EnableDefaultExceptionHandler = false,
            };
            int code = root.Parse(args).Invoke(invocation);
            console.Flush();
            return code;
        }
#pragma warning disable CA1031 // The top of the program: every failure becomes a message and an exit code.
        catch (Exception e)
#pragma warning restore CA1031
        {
            console.Error.WriteLine($"chainbot: {e.Message}");
            return Failure;
        }
    }
}
