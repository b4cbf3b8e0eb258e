using System.Collections.Immutable;

namespace ChainBot.Core.Compounds;

/// <summary>What <see cref="CompoundReader"/> made of a compound file: the compound, or every error found.</summary>
/// <param name="Compound">The compound; null when there are errors.</param>
/// <param name="Errors">Every problem found, in file order; empty when the file was read.</param>
public sealed record CompoundReadResult(Compound? Compound, ImmutableArray<CompoundError> Errors)
{
    /// <summary>True when the file was read without error.</summary>
    public bool Succeeded => Compound is not null;
}
