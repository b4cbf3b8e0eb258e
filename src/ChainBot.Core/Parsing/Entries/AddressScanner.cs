using ChainBot.Core.Chains;
using ChainBot.Core.Numbers;
using ChainBot.Core.Text;

namespace ChainBot.Core.Parsing.Entries;

/// <summary>An address found in an entry and the range it covers.</summary>
internal readonly record struct AddressMatch(int Start, int End, Address Address);

/// <summary>
/// Reads where a household lives (chain-formats.md, "Where people live"): <c>12号301</c> <c>12-301</c>
/// <c>12#301</c> <c>12/301</c> <c>12号楼301室</c> <c>12栋301</c> <c>12幢3单元301</c> <c>12-3-301</c>
/// <c>十二号楼</c> <c>A3栋</c> <c>3号楼2单元</c> <c>12号 3楼</c> <c>1201</c>, with a compound part before it
/// (<c>一区12号</c> <c>东区3-201</c> <c>沧海二期5号</c>).
/// </summary>
internal static class AddressScanner
{
    private const int MaxBuildingDigits = 4;
    private const int MaxRoomDigits = 5;
    private const int MaxAreaLength = 8;

    /// <summary>Finds the first address among the characters not yet <paramref name="consumed"/>.</summary>
    public static bool TryFind(ReadOnlySpan<char> s, ReadOnlySpan<bool> consumed, StringPool? pool, out AddressMatch match)
    {
        bool atStart = true;
        for (int i = 0; i < s.Length; i++)
        {
            if (consumed[i])
                continue;
            char c = s[i];
            bool boundary = i == 0 || consumed[i - 1] || !char.IsAsciiLetterOrDigit(s[i - 1]);
            if (boundary && (char.IsAsciiLetterOrDigit(c) || IsNumeral(c)) && TryMatchAt(s, consumed, pool, i, atStart, out match))
                return true;
            if (CharKinds.IsWordChar(c))
                atStart = false;
        }
        match = default;
        return false;
    }

    private static bool IsNumeral(char c) => c is '一' or '二' or '三' or '四' or '五' or '六' or '七' or '八' or '九' or '十';

    /// <summary>
    /// How many characters of digits or Chinese numerals start <paramref name="s"/>, without converting them;
    /// 0 for a run longer than any building, entrance or room number.
    /// </summary>
    private static int NumberLength(ReadOnlySpan<char> s)
    {
        const int MaxLength = 8;
        int n = 0;
        while (n < s.Length && (char.IsAsciiDigit(s[n]) || IsNumeral(s[n]) || s[n] is '零' or '〇'))
        {
            if (++n > MaxLength)
                return 0;
        }
        return n;
    }

    private static bool TryMatchAt(ReadOnlySpan<char> s, ReadOnlySpan<bool> consumed, StringPool? pool, int i, bool atStart, out AddressMatch match)
    {
        match = default;
        int p = i;
        string? building;
        bool letterBuilding = false;
        if (char.IsAsciiDigit(s[p]))
        {
            while (p < s.Length && char.IsAsciiDigit(s[p]) && !consumed[p] && p - i <= MaxRoomDigits)
                p++;
            if (p - i > MaxRoomDigits)
                return false; // a longer run of digits is an order or phone number, never an address
            building = Digits(s[i..p], pool);
        }
        else if (char.IsAsciiLetter(s[p]))
        {
            p++;
            while (p < s.Length && char.IsAsciiDigit(s[p]) && p - i <= MaxBuildingDigits)
                p++;
            if (p < s.Length && char.IsAsciiLetter(s[p]))
                return false; // a word (Amy), not a building
            Span<char> upper = stackalloc char[p - i];
            s[i..p].CopyTo(upper);
            upper[0] = char.ToUpperInvariant(upper[0]);
            building = Make(upper, pool);
            letterBuilding = true;
        }
        else
        {
            // A numeral is a building only with a suffix right after it (十二号楼, 三栋, 三单元): checked before
            // converting, so a long run of numerals costs nothing.
            int used = NumberLength(s[p..]);
            if (used == 0 || p + used >= s.Length || !(s[p + used] is '号' or '栋' or '幢' or '座' or '单')
                || !ChineseNumerals.TryToArabic(s.Slice(p, used), out building, out int converted) || converted != used)
                return false;
            p += used;
        }

        int numberEnd = p;
        int digitCount = numberEnd - i;
        string? entrance = null, room = null, floor = null;

        if (Suffix(s, p, out int suffixLength))
        {
            if (digitCount > MaxBuildingDigits)
                return false;
            p += suffixLength;
            p = ReadAfterBuilding(s, consumed, pool, p, ref entrance, ref room, ref floor);
        }
        else if (p < s.Length && s[p] is '-' or '/' or '~' or '_' && !letterBuilding || (letterBuilding && p < s.Length && s[p] == '-')
                 || IsDottedRoom(s, p, digitCount))
        {
            if (digitCount > MaxBuildingDigits || !ReadDashed(s, pool, p, out entrance, out room, out p))
                return false;
        }
        else if (s[p..].StartsWith("单元"))
        {
            // 3单元201: an entrance, in a group that is one building's.
            entrance = building;
            building = null;
            p += 2;
            SkipJoiner(s, ref p);
            if (!ReadRoom(s, pool, p, requireLong: false, out room, out p))
                return MakeMatch(s, consumed, pool, i, numberEnd + 2, null, entrance, null, null, out match);
        }
        else if (!letterBuilding && char.IsAsciiDigit(s[i]) && atStart && p < s.Length && s[p] == ' '
                 && digitCount <= 3 && ReadRoom(s, pool, p + 1, requireLong: true, out room, out int end))
        {
            // "12 301 张三": building and room at the start of the entry, separated by a space.
            p = end;
        }
        else if (!letterBuilding && char.IsAsciiDigit(s[i]) && atStart && ReadRoom(s, pool, i, requireLong: true, out room, out int roomEnd))
        {
            // 1201 alone: a room, where the group is one building's.
            building = null;
            p = roomEnd;
        }
        else if (!letterBuilding && char.IsAsciiDigit(s[i]) && p < s.Length && s[p] is '楼' or '层' && digitCount <= 2
                 && (p + 1 == s.Length || !char.IsAsciiDigit(s[p + 1])) && atStart)
        {
            // 5楼 alone: a floor in a one-building group.
            floor = building;
            building = null;
            p++;
        }
        else
        {
            return false;
        }

        return MakeMatch(s, consumed, pool, i, p, building, entrance, room, floor, out match);
    }

    private static bool MakeMatch(ReadOnlySpan<char> s, ReadOnlySpan<bool> consumed, StringPool? pool, int start, int end,
        string? building, string? entrance, string? room, string? floor, out AddressMatch match)
    {
        string? area = null;
        if (building is not null && FindArea(s, consumed, start, out int areaStart, out int areaEnd))
        {
            area = Make(s[areaStart..areaEnd], pool);
            start = areaStart;
        }
        match = new AddressMatch(start, end, new Address(area, building, entrance, room, floor));
        return true;
    }

    /// <summary>号楼 号 栋 幢 座 # and 楼 when a room follows (3楼201 is building 3, room 201).</summary>
    private static bool Suffix(ReadOnlySpan<char> s, int p, out int length)
    {
        length = 0;
        if (p >= s.Length)
            return false;
        var rest = s[p..];
        if (rest.StartsWith("号楼") || rest.StartsWith("#楼"))
            length = 2;
        else if (rest[0] is '号' or '栋' or '幢' or '座' or '#')
            length = 1;
        else if (rest[0] == '楼' && rest.Length > 3 && char.IsAsciiDigit(rest[1]) && char.IsAsciiDigit(rest[2]) && char.IsAsciiDigit(rest[3]))
            length = 1;
        // 号 after a number could be a date (18号) or an item code; it is a building in an entry line.
        return length > 0;
    }

    /// <summary>After the building: an optional entrance (3单元) and a room (301, 301室) or a floor (3楼).</summary>
    private static int ReadAfterBuilding(ReadOnlySpan<char> s, ReadOnlySpan<bool> consumed, StringPool? pool, int p,
        ref string? entrance, ref string? room, ref string? floor)
    {
        int q = p;
        SkipJoiner(s, ref q);
        if (q < s.Length && consumed[q])
            return p;

        // 12号地下室: a basement is the household's room. Most addresses go on with a number: the words are compared
        // only where one of their first characters stands.
        if (q < s.Length && s[q] is '地' or '车')
        {
            foreach (string place in (ReadOnlySpan<string>)["地下室", "车库"])
            {
                if (s[q..].StartsWith(place, StringComparison.Ordinal))
                {
                    room = place;
                    return q + place.Length;
                }
            }
        }

        // Entrance: 3单元, 三单元.
        int e = q;
        if (e < s.Length && NumberLength(s[e..]) is > 0 and int used && s[(e + used)..].StartsWith("单元")
            && ChineseNumerals.TryToArabic(s[e..], out string digits, out _))
        {
            entrance = Digits(digits, pool);
            q = e + used + 2;
            p = q;
            SkipJoiner(s, ref q);
        }

        // Floor: 3楼, 3层 — and a room after it (3楼301).
        int f = q;
        while (f < s.Length && char.IsAsciiDigit(s[f]))
            f++;
        if (f > q && f - q <= 2 && f < s.Length && s[f] is '楼' or '层')
        {
            floor = Digits(s[q..f], pool);
            p = f + 1;
            int r = p;
            SkipJoiner(s, ref r);
            if (ReadRoom(s, pool, r, requireLong: true, out room, out int roomEnd))
            {
                floor = null;
                p = roomEnd;
            }
            return p;
        }

        if (ReadRoom(s, pool, q, requireLong: entrance is null, out room, out int end))
            return end;
        return p;
    }

    /// <summary>
    /// 12.301: a dot between a building and a room of three or more digits (a quantity has at most two decimals,
    /// and no unit follows a room).
    /// </summary>
    private static bool IsDottedRoom(ReadOnlySpan<char> s, int p, int buildingDigits)
    {
        if (p >= s.Length || s[p] != '.' || buildingDigits > 3)
            return false;
        int q = p + 1;
        while (q < s.Length && char.IsAsciiDigit(s[q]) && q - p <= MaxRoomDigits)
            q++;
        return q - p - 1 >= 3 && (q == s.Length || !(char.IsAsciiDigit(s[q]) || s[q] == '.' || FollowedByQuantityUnit(s, q)));
    }

    /// <summary>12-301, 12-3-301, 12/301, 12.301, 12~301, 12_301, 3-2 (building 3, entrance 2).</summary>
    private static bool ReadDashed(ReadOnlySpan<char> s, StringPool? pool, int p, out string? entrance, out string? room, out int end)
    {
        entrance = room = null;
        end = p;
        char separator = s[p];
        int a = p + 1;
        int b = a;
        while (b < s.Length && char.IsAsciiDigit(s[b]) && b - a <= MaxRoomDigits)
            b++;
        if (b == a || b - a > MaxRoomDigits)
            return false;
        if (b + 1 < s.Length && s[b] == separator && char.IsAsciiDigit(s[b + 1]))
        {
            int c = b + 1;
            int d = c;
            while (d < s.Length && char.IsAsciiDigit(s[d]) && d - c <= MaxRoomDigits)
                d++;
            if (d - c > MaxRoomDigits || b - a > 2 || FollowedByQuantityUnit(s, d))
                return false;
            entrance = Digits(s[a..b], pool);
            room = Make(s[c..d], pool);
            end = SkipRoomSuffix(s, d);
            return true;
        }
        if (FollowedByQuantityUnit(s, b) || (b < s.Length && s[b] == '.'))
            return false;
        if (b - a >= 3 || (b < s.Length && s[b] == '室'))
        {
            room = Make(s[a..b], pool);
            end = SkipRoomSuffix(s, b);
            return true;
        }
        if (separator != '-')
            return false; // 12/3 is more often a date or a fraction than building/entrance; 12~3 a range
        entrance = Digits(s[a..b], pool);
        end = b;
        return true;
    }

    /// <summary>A room number: 3+ digits (or any with 室), not a quantity (2份) nor part of a longer number.</summary>
    private static bool ReadRoom(ReadOnlySpan<char> s, StringPool? pool, int p, bool requireLong, out string? room, out int end)
    {
        room = null;
        end = p;
        int q = p;
        while (q < s.Length && char.IsAsciiDigit(s[q]))
            q++;
        int n = q - p;
        if (n == 0 || n > MaxRoomDigits)
            return false;
        bool hasShi = q < s.Length && s[q] == '室';
        if (!hasShi && (n < 3 && requireLong || n < 2))
            return false;
        if (!hasShi && (FollowedByQuantityUnit(s, q) || (q < s.Length && s[q] is '.' or '号' or '楼' or '层' or '点' or '元')))
            return false;
        room = Make(s[p..q], pool);
        end = SkipRoomSuffix(s, q);
        return true;
    }

    private static int SkipRoomSuffix(ReadOnlySpan<char> s, int p) => p < s.Length && s[p] == '室' ? p + 1 : p;

    private static bool FollowedByQuantityUnit(ReadOnlySpan<char> s, int p) =>
        p < s.Length && s[p] != '室' && Units.TryRead(s[p..], out _, out _);

    /// <summary>A space or a dash between the parts, or a dash between spaces (12号 301, 12栋-301, 12栋 - 301).</summary>
    private static void SkipJoiner(ReadOnlySpan<char> s, ref int p)
    {
        int q = p;
        if (q < s.Length && s[q] == ' ')
            q++;
        if (q < s.Length && s[q] == '-')
        {
            q++;
            if (q < s.Length && s[q] == ' ')
                q++;
        }
        p = q;
    }

    /// <summary>The compound part written right before the building: 一区, 东区, 二期, 沧海二期, A区, 58弄 (a Shanghai lane).</summary>
    private static bool FindArea(ReadOnlySpan<char> s, ReadOnlySpan<bool> consumed, int buildingStart, out int start, out int end)
    {
        start = end = buildingStart;
        int j = buildingStart - 1;
        if (j >= 0 && s[j] == ' ')
            j--;
        if (j < 0 || consumed[j] || s[j] is not ('区' or '期' or '弄'))
            return false;
        int k = j;
        while (k > 0 && j - k + 1 < MaxAreaLength && !consumed[k - 1] && CharKinds.IsWordChar(s[k - 1]))
            k--;
        if (k == j)
            return false; // 区 alone names no part
        start = k;
        end = j + 1;
        return true;
    }

    /// <summary>Building and entrance numbers without leading zeros (03 → 3); "0" stays.</summary>
    private static string Digits(ReadOnlySpan<char> digits, StringPool? pool)
    {
        var trimmed = digits.TrimStart('0');
        return trimmed.IsEmpty ? "0" : Make(trimmed, pool);
    }

    private static string Make(ReadOnlySpan<char> value, StringPool? pool) => pool?.Get(value) ?? value.ToString();
}
