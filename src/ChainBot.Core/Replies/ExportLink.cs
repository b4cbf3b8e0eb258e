namespace ChainBot.Core.Replies;

/// <summary>
/// Where a coordinator downloads a chain's export (导出): a link that expires, made by the server (which holds the
/// signing key and the clock) and written into the answer by the replies, which stay pure.
/// </summary>
/// <param name="Url">The download address; it carries no phone number, name or address.</param>
/// <param name="Lifetime">How long the link works, for the answer to say.</param>
public sealed record ExportLink(string Url, TimeSpan Lifetime);
