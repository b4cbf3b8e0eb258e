using ChainBot.Core;
using ChainBot.Core.Chains;

namespace ChainBot.Cli.Input;

/// <summary>
/// Reads one message into a post: <see cref="ChainText.Parse"/> with the default parser, or a stand-in in tests.
/// </summary>
/// <param name="text">The message text.</param>
/// <param name="time">When it was sent; relative deadlines are read from it.</param>
internal delegate ChainPost PostParser(string text, DateTimeOffset time);
