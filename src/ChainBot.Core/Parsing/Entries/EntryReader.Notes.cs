using ChainBot.Core.Text;

namespace ChainBot.Core.Parsing.Entries;

/// <summary>Notes: what is left of the line, and what the scanners learned along the way.</summary>
internal sealed partial class EntryReader
{
    /// <summary>Words left over, and quantities no item took (西瓜2个), become the note, in the order they stand.</summary>
    /// <param name="s">The entry's text.</param>
    /// <param name="consumed">What the scanners took.</param>
    /// <param name="tokens">The entry's tokens.</param>
    /// <param name="keepQuantities">
    /// In a roster a quantity no item took is still news for the coordinator (3人 for a 核酸 sign-up); in an order
    /// chain it was either an item's or is reported.
    /// </param>
    /// <param name="facts">Where the notes go.</param>
    private static void CollectNotes(ReadOnlySpan<char> s, ReadOnlySpan<bool> consumed, Span<EntryToken> tokens, bool keepQuantities, ref EntryFacts facts)
    {
        int t = 0;
        while (t < tokens.Length)
        {
            if (!IsLeftOver(tokens[t]))
            {
                t++;
                continue;
            }
            int start = tokens[t].Start, end = tokens[t].End;
            bool hasWord = tokens[t].Kind == EntryTokenKind.Word;
            t++;
            while (t < tokens.Length && IsLeftOver(tokens[t]) && IsFree(consumed, end, tokens[t].Start))
            {
                hasWord |= tokens[t].Kind == EntryTokenKind.Word;
                end = tokens[t].End;
                t++;
            }
            if (hasWord || keepQuantities)
                facts.AddNote(start, FreeText(s, consumed, start, end));
        }
    }

    private static bool IsLeftOver(EntryToken token) =>
        !token.Used && token.Kind is EntryTokenKind.Word or EntryTokenKind.Quantity;

    private static string TrimDecoration(string text)
    {
        int a = 0, b = text.Length;
        while (a < b && !CharKinds.IsWordChar(text[a]))
            a++;
        while (b > a && !CharKinds.IsWordChar(text[b - 1]) && text[b - 1] is not (')' or '）' or '】'))
            b--;
        return a == 0 && b == text.Length ? text : text[a..b];
    }

    /// <summary>What the scanners learned about the entry besides address, name and items.</summary>
    private struct EntryFacts
    {
        public string? Phone;
        public bool Cancelled;
        public bool Correction;
        public int CorrectionFrom;
        public int CancelAt;
        public int CancelEnd;
        public int HelpAt;
        public bool OnBehalf;
        public bool ZeroQuantity;
        public bool UnitMismatch;
        public bool ItemNotNamed;
        public bool ItemNotInCatalogue;
        // Most entries have no note or one: the first is kept inline, a list only from the second on.
        public int FirstNotePosition;
        public string? FirstNote;
        public List<(int Position, string Text)>? MoreNotes;

        public void AddNote(int position, string text)
        {
            // Decoration at either end (✅, 🙏, ❤️) and courtesies (谢谢, 辛苦了) are for the group, not the sheet.
            text = TrimDecoration(text);
            if (text.Length == 0 || Markers.IsCourtesy(text))
                return;
            if (FirstNote is null)
            {
                FirstNote = text;
                FirstNotePosition = position;
                return;
            }
            (MoreNotes ??= [(FirstNotePosition, FirstNote)]).Add((position, text));
        }

        /// <summary>The notes in the order they stand in the line, joined by "; ".</summary>
        public readonly string? Note => MoreNotes is null
            ? FirstNote
            : string.Join("; ", MoreNotes.OrderBy(n => n.Position).Select(n => n.Text));
    }
}
