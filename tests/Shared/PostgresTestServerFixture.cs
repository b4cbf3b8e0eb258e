using ChainBot.Tests.Shared;

namespace ChainBot;

/// <summary>
/// Stops the PostgreSQL cluster the run started (if it started one) after the last test of the assembly. In the
/// root namespace every test's namespace is under, so it wraps them all.
/// </summary>
[SetUpFixture]
public sealed class PostgresTestServerFixture
{
    /// <summary>Stops the cluster, whatever the tests did.</summary>
    [OneTimeTearDown]
    public void StopCluster() => PostgresTestServer.Stop();
}
