namespace ChainBot.Storage;

/// <summary>A coordinator (团长) a group named (<c>设为团长</c>), and when: from then on they run the group's chains.</summary>
/// <param name="SenderId">Who was named.</param>
/// <param name="At">When the message that named them was received; naming someone twice keeps the first time.</param>
public sealed record NamedCoordinator(string SenderId, DateTimeOffset At);
