using System.ComponentModel.DataAnnotations;

namespace ChainBot.Server.Instances;

/// <summary>
/// The section <c>ChainBot:Instances</c>: how several instances (实例) on one PostgreSQL share the work (README,
/// "Running several instances"). A single instance on SQLite uses the same settings and never waits for them.
/// </summary>
public sealed class InstanceOptions : IValidatableObject
{
    /// <summary>The configuration section.</summary>
    public const string Section = "ChainBot:Instances";

    /// <summary>
    /// How long a group's lease lasts unless renewed: how long a group whose instance died waits before another
    /// takes it over. Default 30 s.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan LeaseLength { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often an instance working on a group renews its lease; less than <see cref="LeaseLength"/>. Default 10 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:30:00")]
    public TimeSpan RenewInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long an instance's claim on the replies it is sending lasts: how long replies claimed by an instance that
    /// died wait before another sends them. Longer than a send can take (all of a round's attempts), or a slow send
    /// could be made twice. Default 2 min.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan ClaimLength { get; set; } = TimeSpan.FromMinutes(2);

    /// <inheritdoc/>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (RenewInterval >= LeaseLength)
            yield return new ValidationResult($"{nameof(RenewInterval)} must be shorter than {nameof(LeaseLength)}, or a lease runs out while its group is being worked on.", [nameof(RenewInterval)]);
    }
}
