using System.CommandLine;
using System.Globalization;
using System.Text;
using ChainBot.Channels.Generic;
using ChainBot.Cli.Output;
using ChainBot.Cli.Webhooks;
using ChainBot.Core.Text;

namespace ChainBot.Cli.Commands;

/// <summary>
/// <c>chainbot post TRANSCRIPT --url URL [--secret S] [--delay MS] [--replies-on HOST:PORT] [--wait MS]</c>: a
/// transcript's messages posted to a running bot one by one, as a bridge would post them (for demos, the README and
/// manual tests). One line per message (its msgId and what the bot said: accepted, duplicate, or refused with the
/// status and reason), then a summary. With <c>--replies-on</c>, a reply endpoint on this machine prints what the
/// bot answers in the group.
/// </summary>
/// <remarks>
/// Exit 0 when every message was accepted or was a duplicate; 1 otherwise: a refusal, a line that is not a message,
/// Ctrl+C, and — with a one-line message — an unreadable file or a bot that cannot be reached.
/// </remarks>
internal static class PostCommand
{
    private const int MaxIdWidth = 24;

    /// <summary>Builds the command.</summary>
    public static Command Create(CliConsole console)
    {
        var file = WebhookArguments.Transcript("each line posted as it is written, in file order.");
        var url = WebhookArguments.Url();
        var secret = WebhookArguments.Secret();
        var delay = WebhookArguments.AtLeast(new Option<int>("--delay")
        {
            Description = "Milliseconds to wait between two messages. Default 0.",
            HelpName = "MS",
        }, 0);
        var repliesOn = new Option<string?>("--replies-on")
        {
            Description = "Run a reply endpoint (POST /reply) on this loopback address while posting, and print each reply the "
                + "bot sends. Start the bot with ChainBot__Channels__Generic__ReplyUrl=http://127.0.0.1:5081/reply. With "
                + "--secret, a reply whose signature does not match is refused (401).",
            HelpName = "HOST:PORT",
        };
        var wait = WebhookArguments.AtLeast(new Option<int>("--wait")
        {
            Description = "With --replies-on: milliseconds to keep listening after the last message; Ctrl+C ends the wait.",
            HelpName = "MS",
            DefaultValueFactory = static _ => WebhookDefaults.ReplyWaitMilliseconds,
        }, 0);
        var command = new Command(
            "post",
            "Post a transcript's messages to a running bot's generic webhook, one by one, signed; print what the bot said "
                + "to each, and with --replies-on what it answered in the group.")
        {
            file, url, secret, delay, repliesOn, wait,
        };
        command.SetAction(result => Execute(console, new Settings(
            result.GetRequiredValue(file), result.GetRequiredValue(url), result.GetValue(secret), result.GetValue(delay),
            result.GetValue(repliesOn), result.GetValue(wait))).GetAwaiter().GetResult());
        return command;
    }

    private sealed record Settings(string Path, string Url, string? Secret, int Delay, string? RepliesOn, int Wait);

    private static async Task<int> Execute(CliConsole console, Settings settings)
    {
        if (!WebhookArguments.TryReadUrl(console, settings.Url, out var url) || !WebhookArguments.TryReadSecret(console, settings.Secret))
            return ChainBotCli.Failure;
        LoopbackEndpoint? endpoint = null;
        if (settings.RepliesOn is not null)
        {
            if (!LoopbackEndpoint.TryParse(settings.RepliesOn, out var parsed, out string? endpointError))
            {
                console.Error.WriteLine("chainbot: --replies-on " + endpointError);
                return ChainBotCli.Failure;
            }
            endpoint = parsed;
        }
        if (!TranscriptBodies.TryRead(settings.Path, out var transcript, out string? error))
            return ChainCommand.CannotRead(console, settings.Path, error);
        ChainCommand.ReportBadLines(console, transcript.Path, transcript.BadLines);
        if (transcript.Messages.Count == 0)
        {
            console.Error.WriteLine($"chainbot: no message to post in '{transcript.Path}'");
            return ChainBotCli.Failure;
        }

        var webhook = settings.Secret is null ? null : new GenericWebhook(settings.Secret, console.Time);
        var printer = new LinePrinter(console);
        using var interruption = console.CatchInterrupts();
        ReplyListener? listener = null;
        if (endpoint is { } on)
        {
            if (!ReplyListener.TryStart(on, webhook, reply => PrintReply(printer, reply), out listener, out string? listenError))
            {
                console.Error.WriteLine("chainbot: --replies-on " + listenError);
                return ChainBotCli.Failure;
            }
            printer.Print($"Listening for replies on {listener.ReplyUrl}");
        }

        var tally = new Tally();
        long started = console.Time.GetTimestamp();
        try
        {
            using var poster = new WebhookPoster(url, webhook, console.Time);
            int width = Math.Min(MaxIdWidth, transcript.Messages.Max(static message => DisplayWidth.Of(ReportTable.Cell(message.MsgId))));
            var token = interruption.Token;
            for (int i = 0; i < transcript.Messages.Count; i++)
            {
                var message = transcript.Messages[i];
                if (i > 0 && settings.Delay > 0)
                    await Task.Delay(TimeSpan.FromMilliseconds(settings.Delay), console.Time, token).ConfigureAwait(false);
                var outcome = await poster.PostAsync(message.Body, token).ConfigureAwait(false);
                if (outcome.Kind == PostOutcomeKind.Unreachable)
                {
                    string before = tally.Posted == 0 ? string.Empty : $" ({tally.Posted} of {transcript.Messages.Count} messages posted)";
                    printer.Complain($"chainbot: cannot reach {url}: {outcome.Reason}{before}");
                    return ChainBotCli.Failure;
                }
                tally.Add(outcome);
                printer.Print(Line(message, outcome, width));
            }
            if (listener is not null && settings.Wait > 0)
                await WaitForRepliesAsync(TimeSpan.FromMilliseconds(settings.Wait), console.Time, token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (interruption.IsInterrupted)
        {
            tally.Interrupted = true;
        }
        finally
        {
            if (listener is not null)
                await listener.DisposeAsync().ConfigureAwait(false);
        }

        printer.Print(Summary(transcript, tally, listener, console.Time.GetElapsedTime(started)));
        bool clean = !tally.Interrupted && tally.Refused == 0 && transcript.BadLines.Count == 0 && tally.Posted == transcript.Messages.Count;
        return clean ? ChainBotCli.Success : ChainBotCli.Failure;
    }

    /// <summary>Listens on after the last message; Ctrl+C only cuts the wait short, since every message was posted.</summary>
    private static async Task WaitForRepliesAsync(TimeSpan wait, TimeProvider time, CancellationToken token)
    {
        try
        {
            await Task.Delay(wait, time, token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary><c>grow-07  → accepted</c>, <c>m3  → refused 401: the signature does not match</c>.</summary>
    private static string Line(WebhookMessage message, PostOutcome outcome, int width)
    {
        string id = ReportTable.Cell(message.MsgId);
        var line = new StringBuilder(id).Append(' ', Math.Max(0, width - DisplayWidth.Of(id))).Append("  → ");
        line.Append(outcome.Kind switch
        {
            PostOutcomeKind.Accepted => "accepted",
            PostOutcomeKind.Duplicate => "duplicate",
            _ => $"refused {outcome.Status.ToString(CultureInfo.InvariantCulture)}: {ReportTable.Cell(outcome.Reason)}",
        });
        if (message.Rewritten)
            line.Append(" (line ").Append(message.LineNumber.ToString(CultureInfo.InvariantCulture)).Append(" had no msgId)");
        if (outcome.Retries > 0)
            line.Append(" (after ").Append(Plural(outcome.Retries, "retry", "retries")).Append(')');
        return line.ToString();
    }

    private static string Summary(TranscriptBodies transcript, Tally tally, ReplyListener? listener, TimeSpan elapsed)
    {
        var summary = new StringBuilder();
        summary.Append(CultureInfo.InvariantCulture, $"Posted {tally.Posted} of {Plural(transcript.Messages.Count, "message", "messages")}")
            .Append(CultureInfo.InvariantCulture, $" in {elapsed.TotalSeconds:0.0} s: {tally.Accepted} accepted, {tally.Duplicate} duplicate, {tally.Refused} refused");
        if (tally.Retries > 0)
            summary.Append(", ").Append(Plural(tally.Retries, "retry", "retries"));
        if (transcript.BadLines.Count > 0)
            summary.Append("; ").Append(Plural(transcript.BadLines.Count, "line", "lines")).Append(" not posted (not a message)");
        if (listener is not null)
            summary.Append("; ").Append(Plural(listener.Received, "reply", "replies")).Append(" received");
        if (tally.Interrupted)
            summary.Append("; interrupted");
        return summary.Append('.').ToString();
    }

    /// <summary>
    /// <c>reply r-12 (to grow-20, @u_chen_tz):</c> and the text, each line indented; or why the reply was refused.
    /// </summary>
    private static void PrintReply(LinePrinter printer, ReceivedReply received)
    {
        if (received.Reply is not { } reply)
        {
            printer.Print($"reply refused {received.Status.ToString(CultureInfo.InvariantCulture)}: {ReportTable.Cell(received.Reason)}");
            return;
        }
        string to = reply.InReplyTo is null ? "unprompted" : "to " + ReportTable.Cell(reply.InReplyTo);
        string mentions = reply.Mentions.Count == 0 ? string.Empty : ", @" + string.Join(" @", reply.Mentions.Select(ReportTable.Cell));
        var lines = new List<string> { $"reply {ReportTable.Cell(reply.ReplyId)} ({to}{mentions}):" };
        foreach (string line in reply.Text.ReplaceLineEndings("\n").Split('\n'))
            lines.Add("    " + ReportTable.Cell(line));
        printer.Print([.. lines]);
    }

    private static string Plural(int count, string one, string many) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + (count == 1 ? one : many);

    /// <summary>The counts of one run; written by the posting loop only.</summary>
    private sealed class Tally
    {
        public int Accepted { get; private set; }

        public int Duplicate { get; private set; }

        public int Refused { get; private set; }

        public int Retries { get; private set; }

        public int Posted => Accepted + Duplicate + Refused;

        public bool Interrupted { get; set; }

        public void Add(PostOutcome outcome)
        {
            Retries += outcome.Retries;
            switch (outcome.Kind)
            {
                case PostOutcomeKind.Accepted: Accepted++; break;
                case PostOutcomeKind.Duplicate: Duplicate++; break;
                default: Refused++; break;
            }
        }
    }
}
