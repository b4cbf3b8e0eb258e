using System.Text;
using System.Text.Json;
using ChainBot.Cli.Output;
using ChainBot.Core.Chains;

namespace ChainBot.Cli.Tests.Support;

/// <summary>The JSON writer's output for posts, as text and as a parsed document.</summary>
internal static class OutputJson
{
    public static string Of(params ChainPost[] posts)
    {
        using var stream = new MemoryStream();
        JsonChainWriter.Write(stream, posts);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    public static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    public static JsonElement Chain(string json) => Parse(json).GetProperty("chains")[0];
}
