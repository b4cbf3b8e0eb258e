using ChainBot.Core.Transcripts;

namespace ChainBot.Cli.Webhooks;

/// <summary>One transcript line as the body of a generic webhook request.</summary>
/// <param name="LineNumber">The line in the transcript, from 1.</param>
/// <param name="MsgId">The message id the body carries.</param>
/// <param name="Body">The UTF-8 JSON to post: the line's bytes as written, unless it had to be rewritten.</param>
/// <param name="Message">The message as the transcript reader read it.</param>
/// <param name="Rewritten">True when the line had no msgId and the body is the line re-serialized with one.</param>
/// <remarks>Immutable once read: nobody writes to <see cref="Body"/>.</remarks>
internal sealed record WebhookMessage(int LineNumber, string MsgId, byte[] Body, TranscriptMessage Message, bool Rewritten);
