using System.Text;

namespace ChainBot.Fuzz.Mutation;

/// <summary>
/// Turns seeds into hostile inputs with mutations suited to chat text and the platforms' XML/JSON: byte and character
/// flips, splices of two seeds, lines inserted, deleted or duplicated, Unicode that trips readers (lone surrogates,
/// RTL and zero-width marks, full-width digits), huge numbers, deep nesting and very long lines. One to four
/// mutations are stacked on each input.
/// </summary>
/// <remarks>Stateless: every choice comes from the <see cref="Random"/> passed in, so an input is reproducible from its seed.</remarks>
internal static class Mutator
{
    /// <summary>An input stays below this many characters (a 64 KB webhook body is about 22,000 Chinese characters).</summary>
    public const int MaxLength = 200_000;

    private delegate string Mutation(Random random, string input, IReadOnlyList<string> seeds);

    private static readonly Mutation[] Mutations =
    [
        FlipCharacter,
        FlipUtf8Byte,
        Splice,
        InsertLine,
        DeleteLine,
        DuplicateLine,
        InsertUnicode,
        InsertToken,
        InsertHugeNumber,
        InsertNesting,
        LengthenLine,
        Truncate,
    ];

    /// <summary>A mutant of a seed chosen from <paramref name="seeds"/>.</summary>
    public static string Mutate(Random random, IReadOnlyList<string> seeds)
    {
        string input = seeds[random.Next(seeds.Count)];
        int rounds = 1 + random.Next(4);
        for (int i = 0; i < rounds; i++)
        {
            input = Mutations[random.Next(Mutations.Length)](random, input, seeds);
            if (input.Length > MaxLength)
                input = input[..MaxLength];
        }
        return input;
    }

    private static int At(Random random, string input) => random.Next(input.Length + 1);

    private static string InsertAt(Random random, string input, string text)
    {
        int at = At(random, input);
        return string.Concat(input.AsSpan(0, at), text, input.AsSpan(at));
    }

    private static string FlipCharacter(Random random, string input, IReadOnlyList<string> seeds)
    {
        if (input.Length == 0)
            return Tokens.Characters[random.Next(Tokens.Characters.Length)].ToString();
        char[] chars = input.ToCharArray();
        int at = random.Next(chars.Length);
        chars[at] = random.Next(3) switch
        {
            0 => (char)(chars[at] ^ (1 << random.Next(16))),
            1 => Tokens.Characters[random.Next(Tokens.Characters.Length)],
            _ => (char)random.Next(0x10000),
        };
        return new string(chars);
    }

    // Flips a bit of the UTF-8 encoding: decoded back, invalid bytes become U+FFFD as a lenient reader would see them.
    private static string FlipUtf8Byte(Random random, string input, IReadOnlyList<string> seeds)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(input);
        if (bytes.Length == 0)
            return input;
        bytes[random.Next(bytes.Length)] ^= (byte)(1 << random.Next(8));
        return Encoding.UTF8.GetString(bytes);
    }

    private static string Splice(Random random, string input, IReadOnlyList<string> seeds)
    {
        string other = seeds[random.Next(seeds.Count)];
        int cut = At(random, input);
        int from = random.Next(other.Length + 1);
        return string.Concat(input.AsSpan(0, cut), other.AsSpan(from));
    }

    private static string InsertLine(Random random, string input, IReadOnlyList<string> seeds)
    {
        string[] lines = input.Split('\n');
        string donor = seeds[random.Next(seeds.Count)];
        string[] donorLines = donor.Split('\n');
        var list = lines.ToList();
        list.Insert(random.Next(list.Count + 1), donorLines[random.Next(donorLines.Length)]);
        return string.Join('\n', list);
    }

    private static string DeleteLine(Random random, string input, IReadOnlyList<string> seeds)
    {
        var list = input.Split('\n').ToList();
        if (list.Count > 1)
            list.RemoveAt(random.Next(list.Count));
        return string.Join('\n', list);
    }

    private static string DuplicateLine(Random random, string input, IReadOnlyList<string> seeds)
    {
        var list = input.Split('\n').ToList();
        int at = random.Next(list.Count);
        int copies = random.Next(4) == 0 ? 1 + random.Next(200) : 1;
        list.InsertRange(at, Enumerable.Repeat(list[at], copies));
        return string.Join('\n', list);
    }

    private static string InsertUnicode(Random random, string input, IReadOnlyList<string> seeds)
    {
        var text = new StringBuilder();
        int count = 1 + random.Next(8);
        for (int i = 0; i < count; i++)
            text.Append(Tokens.Unicode[random.Next(Tokens.Unicode.Length)]);
        return InsertAt(random, input, text.ToString());
    }

    private static string InsertToken(Random random, string input, IReadOnlyList<string> seeds) =>
        InsertAt(random, input, Tokens.Words[random.Next(Tokens.Words.Length)]);

    private static string InsertHugeNumber(Random random, string input, IReadOnlyList<string> seeds) =>
        InsertAt(random, input, Tokens.Numbers[random.Next(Tokens.Numbers.Length)]);

    private static string InsertNesting(Random random, string input, IReadOnlyList<string> seeds)
    {
        var (open, close) = Tokens.Nesting[random.Next(Tokens.Nesting.Length)];
        int depth = random.Next(3) == 0 ? 1000 + random.Next(9000) : 1 + random.Next(200);
        var text = new StringBuilder(depth * (open.Length + close.Length));
        for (int i = 0; i < depth; i++)
            text.Append(open);
        if (random.Next(2) == 0)
        {
            for (int i = 0; i < depth; i++)
                text.Append(close);
        }
        return InsertAt(random, input, text.ToString());
    }

    private static string LengthenLine(Random random, string input, IReadOnlyList<string> seeds)
    {
        if (input.Length == 0)
            return new string('菜', 10_000);
        int start = random.Next(input.Length);
        int length = Math.Min(1 + random.Next(40), input.Length - start);
        string piece = input.Substring(start, length).Replace("\n", "", StringComparison.Ordinal);
        if (piece.Length == 0)
            piece = "份";
        int times = (1000 + random.Next(60_000)) / piece.Length + 1;
        return InsertAt(random, input, string.Concat(Enumerable.Repeat(piece, times)));
    }

    private static string Truncate(Random random, string input, IReadOnlyList<string> seeds) =>
        input.Length == 0 ? input : input[..random.Next(input.Length)];
}
