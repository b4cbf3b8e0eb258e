using ChainBot.Core.Compounds;

namespace ChainBot.Server.Options;

/// <summary>
/// Reads the compound file <see cref="CompoundOptions.Path"/> names, relative to the content root: at the start, to
/// refuse a bad file (<see cref="CompoundOptionsValidator"/>), and once for the replies (<see cref="ConfiguredCompound"/>).
/// </summary>
internal sealed class CompoundFile(IHostEnvironment environment)
{
    /// <summary>The file's full path.</summary>
    public string FullPath(string path) => System.IO.Path.GetFullPath(path, environment.ContentRootPath);

    /// <summary>The file read and checked; an error result when it cannot be read at all.</summary>
    public CompoundReadResult Read(string path)
    {
        string full = FullPath(path);
        string text;
        try
        {
            text = File.ReadAllText(full);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new CompoundReadResult(null, [new CompoundError("the file", "cannot be read: " + e.Message)]);
        }
        return CompoundReader.Read(text, full);
    }
}
