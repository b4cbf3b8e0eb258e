using System.Text.Encodings.Web;
using System.Text.Json;
using ChainBot.Core.Messages;

namespace ChainBot.Server.Tests.Support;

/// A message as a bridge posts it to <c>/webhook/generic</c>: the transcript object of design.md, "Contracts".
internal sealed record ChatMessage(string MsgId, string GroupId, string SenderId, string? SenderName, DateTimeOffset Time, string Text, bool Mentioned = false)
{
    /// When the test conversations happen: before the chains' deadline (今晚8点), China time.
    public static readonly DateTimeOffset Morning = new(2022, 4, 18, 9, 0, 0, TimeSpan.FromHours(8));

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // Chinese as it is, the way bridges send it
    };

    /// The UTF-8 JSON body.
    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(this, Json);

    /// The message as the pipeline sees it.
    public IncomingMessage ToIncoming() => new(MsgId, GroupId, SenderId, SenderName, Time, Text, Mentioned);
}
