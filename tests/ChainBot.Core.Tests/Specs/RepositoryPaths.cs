namespace ChainBot.Core.Tests.Specs;

/// <summary>
/// Finds the repository's folders from the test assembly: the spec files and sample chains are read where they
/// stand in the source tree (the test project does not copy them), so walk up to the folder holding ChainBot.sln.
/// </summary>
public static class RepositoryPaths
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    /// <summary>The repository root: the nearest folder above the test assembly that holds <c>ChainBot.sln</c>.</summary>
    public static string Root => LazyRoot.Value;

    /// <summary><c>tests/ChainBot.Core.Tests/Specs</c>: the spec files.</summary>
    public static string SpecDirectory => Path.Combine(Root, "tests", "ChainBot.Core.Tests", "Specs");

    /// <summary><c>samples/chains</c>: realistic chain posts with their expected tallies.</summary>
    public static string SampleDirectory => Path.Combine(Root, "samples", "chains");

    /// <summary><c>samples/transcripts</c>: realistic group conversations with their expected merged state.</summary>
    public static string TranscriptDirectory => Path.Combine(Root, "samples", "transcripts");

    private static string FindRoot()
    {
        string start = StartDirectory();
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ChainBot.sln")))
                return dir.FullName;
        }
        throw new DirectoryNotFoundException($"No folder holding ChainBot.sln above {start}.");
    }

    private static string StartDirectory()
    {
        // TestCaseSource runs at discovery, where TestContext may not be set up yet: fall back to the assembly's folder.
        try
        {
            string dir = TestContext.CurrentContext.TestDirectory;
            if (!string.IsNullOrEmpty(dir))
                return dir;
        }
        catch (InvalidOperationException)
        {
        }
        return AppContext.BaseDirectory;
    }
}
