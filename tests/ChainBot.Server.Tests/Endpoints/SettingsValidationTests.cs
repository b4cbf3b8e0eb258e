using ChainBot.Server.Tests.Support;
using Microsoft.Extensions.Options;

namespace ChainBot.Server.Tests.Endpoints;

/// <summary>A channel configured with a missing or malformed key stops the start, naming the key and never its value.</summary>
public class SettingsValidationTests : ServerTestBase
{
    [Test]
    public async Task A_malformed_or_missing_channel_key_stops_the_start_and_names_it()
    {
        const string BadKey = "not-43-characters-and-secret";
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(async () => await StartBotAsync(new BotSettings(DbPath)
        {
            Configuration =
            [
                "ChainBot:Channels:WeChat:Accounts:main:Token=t",
                $"ChainBot:Channels:WeChat:Accounts:main:EncodingAESKey={BadKey}",
            ],
        }));

        Assert.That(failure!.Message, Does.Contain("ChainBot:Channels:WeChat:Accounts:main:EncodingAESKey must be 43 letters and digits"));
        Assert.That(failure.Message, Does.Contain("ChainBot:Channels:WeChat:Accounts:main:AppId is missing"));
        Assert.That(failure.Message, Does.Not.Contain(BadKey));
    }

    [Test]
    public async Task A_WeCom_app_without_its_token_stops_the_start()
    {
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(async () => await StartBotAsync(new BotSettings(DbPath)
        {
            Configuration = ["ChainBot:Channels:WeCom:Apps:a1:EncodingAESKey=abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG"],
        }));

        Assert.That(failure!.Message, Is.EqualTo("ChainBot:Channels:WeCom:Apps:a1:Token is missing"));
    }
}
