using System.CommandLine;
using System.Diagnostics.CodeAnalysis;

namespace ChainBot.Cli.Webhooks;

/// <summary>The arguments <c>post</c> and <c>load</c> share: the transcript, the bot's URL and the secret.</summary>
internal static class WebhookArguments
{
    /// <summary>TRANSCRIPT: the messages to post.</summary>
    public static Argument<string> Transcript(string what) => new("TRANSCRIPT")
    {
        Description = "A transcript: JSON Lines, one message a line (msgId, groupId, senderId, senderName, time, text), " + what,
    };

    /// <summary><c>--url URL</c>, required.</summary>
    public static Option<string> Url() => new("--url")
    {
        Description = "The bot's generic webhook, e.g. http://127.0.0.1:5080/webhook/generic.",
        HelpName = "URL",
        Required = true,
    };

    /// <summary><c>--secret S</c>.</summary>
    public static Option<string?> Secret() => new("--secret")
    {
        Description = "The bot's shared secret (ChainBot:Channels:Generic:Secret): every request is signed with it "
            + "(X-ChainBot-Signature, X-ChainBot-Timestamp). Without it requests go unsigned, which a bot with no secret "
            + "accepts from this machine only.",
        HelpName = "S",
    };

    /// <summary>A number option that must be at least <paramref name="minimum"/>.</summary>
    public static Option<T> AtLeast<T>(Option<T> option, T minimum)
        where T : struct, IComparable<T>
    {
        ArgumentNullException.ThrowIfNull(option);
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<T>().CompareTo(minimum) < 0)
                result.AddError($"{option.Name} must be at least {minimum}.");
        });
        return option;
    }

    /// <summary>Reads <c>--url</c>: an absolute http or https URL. False, with a one-line message on stderr, otherwise.</summary>
    public static bool TryReadUrl(CliConsole console, string text, [NotNullWhen(true)] out Uri? url)
    {
        ArgumentNullException.ThrowIfNull(console);
        if (Uri.TryCreate(text, UriKind.Absolute, out url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps))
            return true;
        console.Error.WriteLine($"chainbot: --url '{text}' is not an http:// or https:// URL (e.g. http://127.0.0.1:5080/webhook/generic)");
        url = null;
        return false;
    }

    /// <summary>Reads <c>--secret</c>: absent, or not empty.</summary>
    public static bool TryReadSecret(CliConsole console, string? secret)
    {
        ArgumentNullException.ThrowIfNull(console);
        if (secret is null || secret.Length > 0)
            return true;
        console.Error.WriteLine("chainbot: --secret is empty; leave it out to post unsigned");
        return false;
    }
}
