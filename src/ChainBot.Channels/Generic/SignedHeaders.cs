namespace ChainBot.Channels.Generic;

/// <summary>The two header values that sign one body: send them with exactly the bytes that were signed.</summary>
/// <param name="Signature">The <see cref="GenericHeaders.Signature"/> value, <c>sha256=…</c>.</param>
/// <param name="Timestamp">The <see cref="GenericHeaders.Timestamp"/> value, Unix seconds.</param>
public sealed record SignedHeaders(string Signature, string Timestamp);
