using System.CommandLine;
using ChainBot.Core.Compounds;

namespace ChainBot.Cli.Commands;

/// <summary>
/// The <c>--compound PATH</c> option of <c>tally</c>, <c>replay</c> and <c>export</c>: the compound file
/// (samples/compound/README.md) whose areas and groups the totals are rolled up to.
/// </summary>
internal static class CompoundInput
{
    /// <summary>The option.</summary>
    public static Option<string?> Option() => new("--compound")
    {
        Description = "A compound file (.json or .csv, samples/compound/README.md): areas (片区), groups of buildings (营) and "
            + "their leaders. Adds the totals per zone; buildings the file does not list are shown as 未分区.",
        HelpName = "PATH",
    };

    /// <summary>
    /// Reads the compound file when one is given (null when not); false with the exit code when it cannot be read or
    /// is wrong, each problem on stderr with its line or field.
    /// </summary>
    public static bool TryRead(CliConsole console, string? path, out Compound? compound, out int failure)
    {
        ArgumentNullException.ThrowIfNull(console);
        compound = null;
        failure = ChainBotCli.Failure;
        if (path is null)
            return true;
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            failure = ChainCommand.CannotRead(console, path, e.Message);
            return false;
        }
        var result = CompoundReader.Read(text, path);
        foreach (var error in result.Errors)
            console.Error.WriteLine($"chainbot: {path}: {error}");
        compound = result.Compound;
        return result.Succeeded;
    }
}
