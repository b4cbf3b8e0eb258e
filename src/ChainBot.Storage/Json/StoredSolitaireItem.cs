namespace ChainBot.Storage.Json;

/// <summary>A <see cref="Core.Messages.SolitaireItem"/> as the inbox keeps it.</summary>
/// <param name="Range">The entry's range of the text (<c>"start-length"</c>); null when absent.</param>
/// <param name="UserId">The author's id; null when absent.</param>
/// <param name="Time">When the entry was written, with its offset; null when absent.</param>
internal sealed record StoredSolitaireItem(string? Range, string? UserId, DateTimeOffset? Time);
