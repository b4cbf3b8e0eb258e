using ChainBot.Fuzz.Running;
using ChainBot.Fuzz.Seeds;
using ChainBot.Fuzz.Targets;

namespace ChainBot.Fuzz.Tests;

/// <summary>
/// The fuzzer's bounded run, part of every CI run: 20,000 inputs from a fixed seed over every target, none of which
/// may throw. Times are reported by the fuzzer's own runs (README, "Fuzzing"), not asserted here: a shared CI machine
/// makes any single time meaningless.
/// </summary>
public class BoundedFuzzTests
{
    private static readonly Lazy<IReadOnlyList<FuzzTarget>> Targets =
        new(() => FuzzTargets.All(SeedCorpus.Load(SeedCorpus.FindRepository(TestContext.CurrentContext.TestDirectory))));

    [Test]
    public void Twenty_thousand_inputs_over_every_target_raise_no_exception()
    {
        string output = Path.Combine(Path.GetTempPath(), "chainbot-fuzz-" + Guid.NewGuid().ToString("N"));
        try
        {
            var report = FuzzRunner.Run(new FuzzSettings(20_000, Seed: 9, Out: output), Targets.Value);

            TestContext.Out.Write(report);
            Assert.That(report.Crashes, Is.Empty, "each crash's input is written to the out folder; see the report above");
            Assert.That(report.Hang, Is.Null);
            Assert.That(report.Inputs, Is.EqualTo(20_000));
            Assert.That(report.PerTarget.Values, Has.All.GreaterThan(1000), "every target gets its share");
        }
        finally
        {
            if (Directory.Exists(output))
                Directory.Delete(output, recursive: true);
        }
    }

    [Test]
    public void An_input_is_the_same_for_the_same_seed_and_index_and_differs_otherwise()
    {
        var targets = Targets.Value;

        var first = FuzzInput.Create(targets, 9, 12_345);
        var again = FuzzInput.Create(targets, 9, 12_345);
        var otherSeed = FuzzInput.Create(targets, 10, 12_345);

        Assert.That(again.Target.Name, Is.EqualTo(first.Target.Name));
        Assert.That(again.Content, Is.EqualTo(first.Content));
        Assert.That(otherSeed.Content, Is.Not.EqualTo(first.Content));
    }

    [Test]
    public void A_throwing_target_is_reported_as_a_crash_with_its_input_written_out()
    {
        string output = Path.Combine(Path.GetTempPath(), "chainbot-fuzz-" + Guid.NewGuid().ToString("N"));
        try
        {
            var throwing = new FuzzTarget("throws", ["seed"], RunText: text =>
            {
                if (text.Length % 2 == 0)
                    throw new InvalidOperationException("even");
            });

            var report = FuzzRunner.Run(new FuzzSettings(200, Seed: 1, Out: output), [throwing]);

            Assert.That(report.Crashes, Has.Count.EqualTo(1), "one distinct crash, however many inputs raised it");
            Assert.That(report.CrashingInputs, Is.GreaterThan(1));
            Assert.That(report.Crashes[0].Exception, Does.StartWith("InvalidOperationException: even"));
            Assert.That(File.Exists(report.Crashes[0].File), Is.True);
            Assert.That(report.Clean, Is.False);
        }
        finally
        {
            if (Directory.Exists(output))
                Directory.Delete(output, recursive: true);
        }
    }
}
