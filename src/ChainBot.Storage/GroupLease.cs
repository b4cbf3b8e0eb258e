namespace ChainBot.Storage;

/// <summary>
/// A group's lease (组租约): while an instance holds it, that instance alone processes the group's messages, so several
/// instances on one database keep each group's order (design.md, "Scaling out"). It runs out at
/// <see cref="ExpiresAt"/> unless renewed, so a group whose instance died is taken over by another after a timeout.
/// </summary>
/// <param name="GroupId">The group.</param>
/// <param name="Holder">The instance holding it (<c>host:pid:random</c>).</param>
/// <param name="ExpiresAt">When it runs out, unless renewed.</param>
public sealed record GroupLease(string GroupId, string Holder, DateTimeOffset ExpiresAt);
