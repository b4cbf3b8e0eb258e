namespace ChainBot.Core.Merging;

/// <summary>
/// A coordinator (团长) named in the group (<c>设为团长</c>), and when: they run the group's chains from the next
/// message on.
/// </summary>
/// <param name="SenderId">Who was named.</param>
/// <param name="At">When the message that named them was received.</param>
public sealed record Appointment(string SenderId, DateTimeOffset At);
