using ChainBot.Cli.Tests.Schema;

namespace ChainBot.Cli.Tests.Support;

/// <summary>What the CLI tests share: a scratch directory per test, and the output schema.</summary>
public abstract class TempDirFixture
{
    private protected static readonly JsonSchemaChecker Schema =
        JsonSchemaChecker.Load(Path.Combine(AppContext.BaseDirectory, "schemas", "chainbot-output.schema.json"));

    private protected TempDir Dir { get; private set; } = null!;

    [SetUp]
    public void CreateTempDir() => Dir = new TempDir();

    [TearDown]
    public void DeleteTempDir() => Dir.Delete();
}
