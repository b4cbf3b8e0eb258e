namespace ChainBot.Channels.Generic;

/// <summary>A body and the headers that sign it.</summary>
/// <param name="Body">The UTF-8 JSON to post, byte for byte.</param>
/// <param name="Headers">The signature and timestamp header values.</param>
public sealed record SignedBody(byte[] Body, SignedHeaders Headers);
