using System.CommandLine;
using System.Diagnostics.CodeAnalysis;
using ChainBot.Cli.Input;
using ChainBot.Core.Transcripts;

namespace ChainBot.Cli.Commands;

/// <summary>
/// What the commands that replay a transcript (<c>replay</c>, <c>export</c>) take and read alike: the file, an
/// optional <c>--at</c>, and the reading itself, bad lines reported on stderr.
/// </summary>
internal static class TranscriptInput
{
    /// <summary>The TRANSCRIPT argument.</summary>
    public static Argument<string> Argument() => new("TRANSCRIPT")
    {
        Description = "A transcript: JSON Lines, one message a line (msgId, groupId, senderId, senderName, time, text), "
            + "read as one whatever the file's name.",
    };

    /// <summary>The <c>--at</c> option: only the messages sent by then.</summary>
    public static Option<string?> AtOption() => new("--at")
    {
        Description = "Merge only the messages sent at or before this time, ISO 8601 (" + TranscriptTime.Example
            + "; without an offset, China time): the chains as they stood then. Default: every message.",
        HelpName = "ISO8601",
    };

    /// <summary>
    /// Reads <c>--at</c> and the transcript; false with the exit code when either cannot be read (the reason on
    /// stderr, one line).
    /// </summary>
    public static bool TryRead(CliConsole console, string path, string? atText, [NotNullWhen(true)] out PostSource? source, out DateTimeOffset? until, out int failure)
    {
        source = null;
        until = null;
        failure = ChainBotCli.Failure;
        if (atText is not null)
        {
            if (!ChainCommand.TryReadTime(console, "--at", atText, out var at))
                return false;
            until = at;
        }
        if (!PostSource.TryReadTranscript(path, out source, out string? error))
        {
            failure = ChainCommand.CannotRead(console, path, error);
            return false;
        }
        ChainCommand.ReportBadLines(console, source);
        return true;
    }
}
