namespace ChainBot.Channels.WeCom;

/// <summary>
/// The <c>@BotName</c> that leads an AI bot's group message (wechat-protocol.md §4: <c>text.content</c> keeps it).
/// </summary>
internal static class BotMention
{
    /// <summary>
    /// Removes the leading mention of the bot and the space after it. With a name, only <c>@name</c> followed by a
    /// space (WeChat puts U+2005 after a mention) or the end; without one, the first @-word, whatever it is.
    /// Text that does not start with <c>@</c> is returned as is.
    /// </summary>
    public static string Strip(string text, string? botName)
    {
        int start = 0;
        while (start < text.Length && IsSpace(text[start]))
            start++;
        if (start >= text.Length || text[start] != '@')
            return text;

        int end;
        if (!string.IsNullOrEmpty(botName))
        {
            end = start + 1 + botName.Length;
            if (string.CompareOrdinal(text, start + 1, botName, 0, botName.Length) != 0 || (end < text.Length && !IsSpace(text[end])))
                return text;
        }
        else
        {
            end = start + 1;
            while (end < text.Length && !IsSpace(text[end]))
                end++;
        }
        while (end < text.Length && IsSpace(text[end]))
            end++;
        return text[end..];
    }

    private static bool IsSpace(char c) => char.IsWhiteSpace(c);
}
