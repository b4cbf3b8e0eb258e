using ChainBot.Core.Chains;

namespace ChainBot.Cli.Input;

/// <summary>The post a command reports on, and the message it was read from.</summary>
/// <param name="Post">The parsed post.</param>
/// <param name="Source">The message it came from.</param>
internal sealed record PickedChain(ChainPost Post, SourcedPost Source);
