using ChainBot.Channels.Crypto;
using Microsoft.Extensions.Options;

namespace ChainBot.Server.Options;

/// <summary>
/// Refuses to start with a channel half configured, saying which key is missing or malformed — never its value.
/// </summary>
internal sealed class ChannelOptionsValidator : IValidateOptions<WeChatOptions>, IValidateOptions<WeComOptions>
{
    public ValidateOptionsResult Validate(string? name, WeChatOptions options)
    {
        var failures = new List<string>();
        foreach (var (account, settings) in options.Accounts)
        {
            string at = $"{WeChatOptions.Section}:Accounts:{account}";
            if (string.IsNullOrWhiteSpace(settings.Token))
                failures.Add($"{at}:Token is missing");
            if (string.IsNullOrWhiteSpace(settings.AppId))
                failures.Add($"{at}:AppId is missing");
            if (!string.IsNullOrEmpty(settings.EncodingAESKey) && !EncodingAesKey.TryParse(settings.EncodingAESKey, out _, out _))
                failures.Add($"{at}:EncodingAESKey must be 43 letters and digits");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    public ValidateOptionsResult Validate(string? name, WeComOptions options)
    {
        var failures = new List<string>();
        foreach (var (app, settings) in options.Apps)
        {
            string at = $"{WeComOptions.Section}:Apps:{app}";
            if (string.IsNullOrWhiteSpace(settings.Token))
                failures.Add($"{at}:Token is missing");
            if (!EncodingAesKey.TryParse(settings.EncodingAESKey, out _, out _))
                failures.Add($"{at}:EncodingAESKey is missing or is not 43 letters and digits");
        }
        if (options.RobotMessagesPerMinute < 1)
            failures.Add($"{WeComOptions.Section}:RobotMessagesPerMinute must be at least 1");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
