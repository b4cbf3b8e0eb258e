using System.Security.Cryptography;

namespace ChainBot.Server.Instances;

/// <summary>
/// Who this process is among several instances: <c>host:pid:random</c>, generated at start, the holder of its group
/// leases and outbox claims. The random part keeps a restarted process (same host, a reused pid) from passing for
/// the one that died.
/// </summary>
/// <remarks>Immutable, thread-safe.</remarks>
internal sealed class InstanceIdentity
{
    /// <summary>Generates this process's identity.</summary>
    public InstanceIdentity() =>
        Id = $"{Environment.MachineName}:{Environment.ProcessId}:{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}";

    /// <summary>The identity, as written in <c>group_leases.holder</c> and <c>outbox.claimed_by</c>.</summary>
    public string Id { get; }

    /// <inheritdoc/>
    public override string ToString() => Id;
}
