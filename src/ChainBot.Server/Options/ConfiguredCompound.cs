using ChainBot.Core.Compounds;
using Microsoft.Extensions.Options;

namespace ChainBot.Server.Options;

/// <summary>
/// The compound the replies answer zones with (<c>ReplyContext.Compound</c>): read once from the file the options
/// name, which <see cref="CompoundOptionsValidator"/> checked at the start; null without one.
/// </summary>
internal sealed class ConfiguredCompound(IOptions<CompoundOptions> options, CompoundFile file)
{
    private readonly Lazy<Compound?> _compound = new(() =>
        string.IsNullOrWhiteSpace(options.Value.Path) ? null : file.Read(options.Value.Path).Compound);

    /// <summary>The compound, or null when none is configured.</summary>
    public Compound? Value => _compound.Value;
}
