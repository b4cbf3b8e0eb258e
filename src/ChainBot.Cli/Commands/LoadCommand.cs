using System.CommandLine;
using System.Globalization;
using System.Security.Cryptography;
using ChainBot.Channels.Generic;
using ChainBot.Cli.Load;
using ChainBot.Cli.Webhooks;

namespace ChainBot.Cli.Commands;

/// <summary>
/// <c>chainbot load TRANSCRIPT --url URL [--url URL…] [--secret S] --rate N --duration S [--concurrency C] [--groups G]
/// [--timeout MS] [--json]</c>: a bounded load on a running bot's generic webhook. Signed requests built from the
/// transcript's messages (a new msgId each, spread over G groups) are sent at N a second for S seconds — at most
/// N × S requests, on an open-loop schedule — and the run reports what was sent, accepted and failed (by kind), the
/// rates achieved, and the acknowledgement latency from send and from schedule. Several <c>--url</c>s (instances on one
/// database) share the schedule round-robin.
/// </summary>
/// <remarks>Exit 0 when every planned request was sent and accepted; 1 otherwise, or for bad arguments or an unreadable file.</remarks>
internal static class LoadCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliConsole console)
    {
        var file = WebhookArguments.Transcript("cycled through: each send is one of its messages with a new msgId and a rewritten groupId.");
        var url = new Option<string[]>("--url")
        {
            Description = "The bot's generic webhook, e.g. http://127.0.0.1:5080/webhook/generic. Given more than once (instances "
                + "on one database), the sends go to each in turn.",
            HelpName = "URL",
            Required = true,
        };
        var secret = WebhookArguments.Secret();
        var rate = new Option<double>("--rate")
        {
            Description = "Messages per second to send, whatever the bot's pace (an open loop).",
            HelpName = "N",
            Required = true,
        };
        var duration = new Option<double>("--duration")
        {
            Description = "Seconds to send for. At most rate × duration requests are sent.",
            HelpName = "S",
            Required = true,
        };
        foreach (var option in new[] { rate, duration })
        {
            option.Validators.Add(result =>
            {
                double value = result.GetValueOrDefault<double>();
                if (!(value > 0) || double.IsInfinity(value))
                    result.AddError($"{option.Name} must be a number above 0.");
            });
        }
        var concurrency = WebhookArguments.AtLeast(new Option<int>("--concurrency")
        {
            Description = "Requests in flight at most, and connections to the bot. When all are busy a due request waits, "
                + "and its latency from schedule counts the wait.",
            HelpName = "C",
            DefaultValueFactory = static _ => WebhookDefaults.LoadConcurrency,
        }, 1);
        var groups = WebhookArguments.AtLeast(new Option<int>("--groups")
        {
            Description = "Groups to spread the messages over (the groupId is rewritten): each receives the transcript in order.",
            HelpName = "G",
            DefaultValueFactory = static _ => WebhookDefaults.LoadGroups,
        }, 1);
        var timeout = WebhookArguments.AtLeast(new Option<int>("--timeout")
        {
            Description = "Milliseconds a request may wait for its answer before it counts as a timeout.",
            HelpName = "MS",
            DefaultValueFactory = static _ => (int)WebhookDefaults.AttemptTimeout.TotalMilliseconds,
        }, 1);
        var json = new Option<bool>("--json") { Description = "Print the report as one JSON object instead of tables." };
        var command = new Command(
            "load",
            "Load a running bot: signed webhook requests built from a transcript's messages, at a fixed rate for a bounded time; "
                + "report the counts, errors by kind, the rate achieved and the acknowledgement latency (p50/p90/p99/max).")
        {
            file, url, secret, rate, duration, concurrency, groups, timeout, json,
        };
        command.SetAction(result => Execute(console, result.GetRequiredValue(file), result.GetRequiredValue(url), result.GetValue(secret),
            result.GetValue(rate), result.GetValue(duration), result.GetValue(concurrency), result.GetValue(groups),
            result.GetValue(timeout), result.GetValue(json)).GetAwaiter().GetResult());
        return command;
    }

    private static async Task<int> Execute(CliConsole console, string path, string[] urlTexts, string? secret, double rate, double seconds,
        int concurrency, int groups, int timeoutMs, bool json)
    {
        var urls = new List<Uri>(urlTexts.Length);
        foreach (string urlText in urlTexts)
        {
            if (!WebhookArguments.TryReadUrl(console, urlText, out var url))
                return ChainBotCli.Failure;
            urls.Add(url);
        }
        if (!WebhookArguments.TryReadSecret(console, secret))
            return ChainBotCli.Failure;
        var settings = new LoadSettings(urls, rate, TimeSpan.FromSeconds(seconds), concurrency, TimeSpan.FromMilliseconds(timeoutMs));
        if (settings.Planned < 1 || settings.Planned > WebhookDefaults.MaxLoadRequests)
        {
            console.Error.WriteLine($"chainbot: --rate × --duration is {Invariant(settings.Planned)} requests; it must be 1 to {Invariant(WebhookDefaults.MaxLoadRequests)}");
            return ChainBotCli.Failure;
        }
        if (!TranscriptBodies.TryRead(path, out var transcript, out string? error))
            return ChainCommand.CannotRead(console, path, error);
        ChainCommand.ReportBadLines(console, transcript.Path, transcript.BadLines);
        if (transcript.Messages.Count == 0)
        {
            console.Error.WriteLine($"chainbot: no message to send in '{transcript.Path}'");
            return ChainBotCli.Failure;
        }

        // A new id per run: the bot keeps every msgId it has seen, and a second run must not be all duplicates.
        var bodies = LoadBodies.Create(transcript.Messages, groups, Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3)));
        var signer = secret is null ? null : new GenericWebhook(secret, console.Time);
        LoadResult result;
        using (var interruption = console.CatchInterrupts())
        using (var runner = new LoadRunner(settings, bodies, signer, console.Time))
            result = await runner.RunAsync(interruption.Token).ConfigureAwait(false);

        if (json)
            LoadReport.WriteJson(console, transcript.Path, settings, groups, result);
        else
            LoadReport.WriteHuman(console, transcript.Path, settings, groups, result);
        return result.IsClean ? ChainBotCli.Success : ChainBotCli.Failure;
    }

    private static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);
}
