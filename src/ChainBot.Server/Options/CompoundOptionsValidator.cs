using Microsoft.Extensions.Options;

namespace ChainBot.Server.Options;

/// <summary>
/// Refuses to start with a compound file that is missing or wrong, naming the file and each problem with its line
/// or field — a bot that silently tallied per building would mislead the 营长 who asked for their group.
/// </summary>
internal sealed class CompoundOptionsValidator(CompoundFile file) : IValidateOptions<CompoundOptions>
{
    /// <summary>At most this many problems are listed; the file's owner fixes those and starts again.</summary>
    private const int MaxListed = 10;

    public ValidateOptionsResult Validate(string? name, CompoundOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.Path))
            return ValidateOptionsResult.Success;
        var result = file.Read(options.Path);
        if (result.Succeeded)
            return ValidateOptionsResult.Success;
        string at = $"{CompoundOptions.Section}:Path: {file.FullPath(options.Path)}";
        var failures = result.Errors.Take(MaxListed).Select(error => $"{at}: {error}").ToList();
        if (result.Errors.Length > MaxListed)
            failures.Add($"{at}: and {result.Errors.Length - MaxListed} more problems");
        return ValidateOptionsResult.Fail(failures);
    }
}
