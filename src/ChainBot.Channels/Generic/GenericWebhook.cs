using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ChainBot.Core.Messages;
using ChainBot.Core.Transcripts;

namespace ChainBot.Channels.Generic;

/// <summary>
/// The generic JSON webhook (design.md, "Contracts") that bridges and tests post to: the body is one transcript
/// object, signed with <see cref="GenericHeaders"/>; and the bot's signed replies to the bridge.
/// </summary>
/// <remarks>
/// Immutable and thread-safe: create one at start-up and share it. Signatures are compared in constant time; no
/// reason ever contains the secret or the expected signature.
/// </remarks>
public sealed class GenericWebhook
{
    /// <summary>How far a request's timestamp may be from the bot's clock, either way.</summary>
    public static readonly TimeSpan DefaultMaxSkew = TimeSpan.FromMinutes(5);

    private const int MacLength = 32;

    private readonly byte[] _secret;
    private readonly TimeProvider _time;
    private readonly TimeSpan _maxSkew;

    /// <summary>Creates the webhook's protocol handler.</summary>
    /// <param name="secret">The secret shared with the bridge (its UTF-8 bytes key the HMAC).</param>
    /// <param name="time">The clock the timestamps are checked against; null for the system clock.</param>
    /// <param name="maxSkew">How far a timestamp may be from the clock; null for <see cref="DefaultMaxSkew"/>.</param>
    /// <exception cref="ArgumentException">The secret is empty.</exception>
    public GenericWebhook(string secret, TimeProvider? time = null, TimeSpan? maxSkew = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        _secret = Encoding.UTF8.GetBytes(secret);
        _time = time ?? TimeProvider.System;
        _maxSkew = maxSkew ?? DefaultMaxSkew;
        ArgumentOutOfRangeException.ThrowIfLessThan(_maxSkew, TimeSpan.Zero, nameof(maxSkew));
    }

    /// <summary>
    /// Verifies a request and reads its message: the signature and timestamp first (401 material), then the body
    /// (400 material). Never throws on the request's content.
    /// </summary>
    /// <param name="signature">The <see cref="GenericHeaders.Signature"/> header; null when absent.</param>
    /// <param name="timestamp">The <see cref="GenericHeaders.Timestamp"/> header; null when absent.</param>
    /// <param name="body">The body bytes exactly as received.</param>
    public ChannelResult<IncomingMessage> ReadRequest(string? signature, string? timestamp, ReadOnlySpan<byte> body)
    {
        var check = Verify(signature, timestamp, body);
        return check.IsValid ? Read(body) : ChannelResult<IncomingMessage>.Failure(check.Error, check.Reason!);
    }

    /// <summary>
    /// Checks the signature headers of a body: present, well-formed, the HMAC matching (in constant time), and the
    /// timestamp within the allowed skew of the clock, past or future.
    /// </summary>
    public SignatureCheck Verify(string? signature, string? timestamp, ReadOnlySpan<byte> body)
    {
        if (string.IsNullOrEmpty(signature))
            return SignatureCheck.Fail(ChannelError.MissingParameter, $"the {GenericHeaders.Signature} header is missing");
        if (string.IsNullOrEmpty(timestamp))
            return SignatureCheck.Fail(ChannelError.MissingParameter, $"the {GenericHeaders.Timestamp} header is missing");
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out long seconds))
            return SignatureCheck.Fail(ChannelError.BadParameter, $"the {GenericHeaders.Timestamp} header is not Unix seconds");
        Span<byte> received = stackalloc byte[MacLength];
        if (!GenericSignature.TryReadHeader(signature, received))
            return SignatureCheck.Fail(ChannelError.BadParameter, $"the {GenericHeaders.Signature} header is not sha256= and 64 hex digits");

        byte[] expected = GenericSignature.Mac(_secret, timestamp, body);
        if (!CryptographicOperations.FixedTimeEquals(expected, received))
            return SignatureCheck.Fail(ChannelError.BadSignature, "the signature does not match");

        // Checked after the MAC, so a reason about the clock is only ever given to someone who holds the secret.
        long now = _time.GetUtcNow().ToUnixTimeSeconds();
        long skew = now - seconds;
        if (skew > _maxSkew.TotalSeconds)
            return SignatureCheck.Fail(ChannelError.StaleTimestamp, $"the timestamp is {skew} s old; at most {(long)_maxSkew.TotalSeconds} s is accepted");
        if (-skew > _maxSkew.TotalSeconds)
            return SignatureCheck.Fail(ChannelError.StaleTimestamp, $"the timestamp is {-skew} s in the future; at most {(long)_maxSkew.TotalSeconds} s is accepted");
        return SignatureCheck.Valid;
    }

    /// <summary>
    /// Reads a request body: the transcript object (read by <see cref="TranscriptReader.ReadUtf8"/>), which must carry
    /// a msgId, a groupId and a senderId — the inbox dedupes on the first and the pipeline needs the others. A body that
    /// fails is a value whose reason the server returns with its 400.
    /// </summary>
    public static ChannelResult<IncomingMessage> Read(ReadOnlySpan<byte> body)
    {
        var line = TranscriptReader.ReadUtf8(body);
        if (!line.IsMessage)
        {
            var error = line.Error switch
            {
                TranscriptErrors.MalformedJson or TranscriptErrors.NotAnObject => ChannelError.MalformedJson,
                TranscriptErrors.MissingText => ChannelError.MissingField,
                _ => ChannelError.BadField,
            };
            return ChannelResult<IncomingMessage>.Failure(error, line.Detail is null ? line.Error : $"{line.Error}: {line.Detail}");
        }
        var message = line.Message;
        if (string.IsNullOrEmpty(message.MsgId))
            return ChannelResult<IncomingMessage>.Failure(ChannelError.MissingField, "missing msgId");
        if (string.IsNullOrEmpty(message.GroupId))
            return ChannelResult<IncomingMessage>.Failure(ChannelError.MissingField, "missing groupId");
        if (string.IsNullOrEmpty(message.SenderId))
            return ChannelResult<IncomingMessage>.Failure(ChannelError.MissingField, "missing senderId");
        return ChannelResult<IncomingMessage>.Success(message.ToIncoming(0));
    }

    /// <summary>The headers that sign <paramref name="body"/> now, for a reply posted to the bridge.</summary>
    public SignedHeaders Sign(ReadOnlySpan<byte> body)
    {
        string timestamp = _time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return new SignedHeaders(GenericSignature.Header(_secret, timestamp, body), timestamp);
    }

    /// <summary>A reply's body and the headers that sign it: post <see cref="SignedBody.Body"/> with both headers.</summary>
    public SignedBody SignReply(GenericReply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        byte[] body = reply.ToUtf8Json();
        return new SignedBody(body, Sign(body));
    }
}
