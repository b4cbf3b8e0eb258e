using ChainBot.Channels.Generic;
using ChainBot.Server.Options;
using Microsoft.Extensions.Options;

namespace ChainBot.Server.Endpoints;

/// <summary>The generic channel as configured: its webhook handler when a secret is set, else loopback-only.</summary>
internal sealed class GenericChannel
{
    public GenericChannel(IOptions<GenericChannelOptions> options, TimeProvider time, ILogger<GenericChannel> logger)
    {
        Options = options.Value;
        if (string.IsNullOrEmpty(Options.Secret))
            Log.LoopbackOnly(logger);
        else
            Webhook = new GenericWebhook(Options.Secret, time);
    }

    /// <summary>The settings.</summary>
    public GenericChannelOptions Options { get; }

    /// <summary>Verifies requests and signs replies; null when no secret is configured.</summary>
    public GenericWebhook? Webhook { get; }
}
