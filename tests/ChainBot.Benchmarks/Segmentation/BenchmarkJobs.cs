using BenchmarkDotNet.Jobs;

namespace ChainBot.Benchmarks.Segmentation;

/// <summary>The job the segmentation benchmarks share.</summary>
internal static class BenchmarkJobs
{
    /// <summary>
    /// One launch, so a run stays within a couple of minutes. BenchmarkDotNet builds its generated project under
    /// this project's bin folder, where tests/Directory.Build.props would add NUnit's global using to it unless it
    /// is told that it is not a test project.
    /// </summary>
    public static Job Short { get; } = Job.Default
        .WithLaunchCount(1)
        .WithArguments([new MsBuildArgument("/p:IsTestProject=false")]);
}
