using Microsoft.Extensions.Options;

namespace ChainBot.Server.Dashboard;

/// <summary>
/// Refuses to start with a dashboard token that is empty or short enough to guess, naming the key — never its value.
/// </summary>
internal sealed class DashboardOptionsValidator : IValidateOptions<DashboardOptions>
{
    public ValidateOptionsResult Validate(string? name, DashboardOptions options)
    {
        var failures = new List<string>();
        for (int i = 0; i < options.Tokens.Count; i++)
        {
            var token = options.Tokens[i];
            string at = $"{DashboardOptions.Section}:Tokens:{i}:Token";
            if (string.IsNullOrWhiteSpace(token.Token))
                failures.Add($"{at} is missing");
            else if (token.Token.Length < DashboardDefaults.MinTokenLength)
                failures.Add($"{at} is too short: at least {DashboardDefaults.MinTokenLength} characters");
            else if (token.Token.AsSpan().IndexOfAny('<', '>') >= 0)
                failures.Add($"{at} is still the example's placeholder"); // a token everyone who read the example knows
            if (token.Groups.Any(string.IsNullOrWhiteSpace))
                failures.Add($"{DashboardOptions.Section}:Tokens:{i}:Groups has an empty group id");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
