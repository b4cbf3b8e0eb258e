using System.Buffers;
using System.Buffers.Text;
using System.Collections.Immutable;
using System.Text;
using ChainBot.Core.Chains;
using ChainBot.Core.Merging;
using ChainBot.Core.Text;
using ChainBot.Core.Transcripts;

namespace ChainBot.Cli.Output;

/// <summary>
/// Encodes one entry as a JSON object in UTF-8, for <see cref="JsonChainWriter"/>: a large chain is mostly
/// entries, and writing them token by token cost more than parsing them. Property names are baked in, and a
/// string with nothing to escape is transcoded in one call. The object is the one the contract describes, with
/// the same names and order; characters outside the Basic Multilingual Plane (emoji) are written as UTF-8.
/// </summary>
/// <remarks>Not thread-safe: the returned bytes are valid until the next call.</remarks>
internal sealed class EntryJsonEncoder
{
    /// <summary>What JSON requires escaped in a string: the quote, the backslash, and the control characters.</summary>
    private static readonly SearchValues<char> Escaped = SearchValues.Create(
        "\"\\\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\b\t\n\u000B\f\r\u000E\u000F"
        + "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F");

    private byte[] _buffer = new byte[1024];
    private int _length;

    /// <summary>The entry as a JSON object; phone numbers in its free text masked.</summary>
    public ReadOnlySpan<byte> Encode(ChainEntry entry)
    {
        _length = 0;
        Raw("{"u8);
        Members(entry);
        Raw("}"u8);
        return _buffer.AsSpan(0, _length);
    }

    /// <summary>
    /// Entries as JSON objects separated by commas, the inside of an array, kept in <see cref="Written"/>: a part of a
    /// large chain, encoded on a worker and written in one piece.
    /// </summary>
    public void EncodeList(IReadOnlyList<ChainEntry> entries)
    {
        _length = 0;
        for (int i = 0; i < entries.Count; i++)
        {
            Raw(i == 0 ? "{"u8 : ",{"u8);
            Members(entries[i]);
            Raw("}"u8);
        }
    }

    /// <summary>What the last call encoded.</summary>
    public ReadOnlySpan<byte> Written => _buffer.AsSpan(0, _length);

    /// <summary>
    /// An entry of a merged chain (<c>replay</c>): its id first, the members of <see cref="Encode(ChainEntry)"/>, then
    /// who added and last changed it, and the names of <paramref name="marks"/>. Sender ids and names are masked like
    /// free text: some channels use a mobile number as the user id.
    /// </summary>
    public ReadOnlySpan<byte> Encode(MergedEntry entry, EntryMarks marks)
    {
        ArgumentNullException.ThrowIfNull(entry);
        _length = 0;
        Raw("{\"id\":"u8);
        Integer(entry.Id);
        Raw(","u8);
        Members(entry.Entry);
        Provenance(",\"addedBy\":"u8, ",\"addedByName\":"u8, ",\"addedAt\":"u8, entry.Added);
        Provenance(",\"changedBy\":"u8, ",\"changedByName\":"u8, ",\"changedAt\":"u8, entry.Changed);
        Raw(",\"flags\":["u8);
        bool first = true;
        foreach (string name in EntryMarkNames.Of(marks))
        {
            if (!first)
                Raw(","u8);
            first = false;
            String(name);
        }
        Raw("]}"u8);
        return _buffer.AsSpan(0, _length);
    }

    /// <summary>Who did something (sender id and name, masked) and when; three nulls when nobody did.</summary>
    private void Provenance(ReadOnlySpan<byte> by, ReadOnlySpan<byte> byName, ReadOnlySpan<byte> at, Provenance? who)
    {
        Raw(by);
        Text(who?.SenderId);
        Raw(byName);
        Text(who?.SenderName);
        Raw(at);
        if (who is null)
            Raw("null"u8);
        else
            String(TranscriptTime.Format(who.Time));
    }

    /// <summary>The contract's members of an entry, in its order, without the braces.</summary>
    private void Members(ChainEntry entry)
    {
        Raw("\"seq\":"u8);
        if (entry.Seq is int seq)
            Integer(seq);
        else
            Raw("null"u8);
        var address = entry.Address;
        Raw(",\"area\":"u8);
        Text(address.Area);
        Raw(",\"building\":"u8);
        Text(address.Building);
        Raw(",\"entrance\":"u8);
        Text(address.Entrance);
        Raw(",\"room\":"u8);
        Text(address.Room);
        Raw(",\"name\":"u8);
        Text(entry.Name);
        Raw(",\"items\":["u8);
        Items(entry.Items);
        Raw("],\"note\":"u8);
        Text(entry.Note);
        Raw(entry.Status == EntryStatus.Cancelled ? ",\"status\":\"cancelled\""u8 : ",\"status\":\"active\""u8);
        Raw(entry.OnBehalf ? ",\"onBehalf\":true"u8 : ",\"onBehalf\":false"u8);
        Raw(",\"line\":"u8);
        Text(entry.Line);
    }

    private void Items(ImmutableArray<ItemQuantity> items)
    {
        bool first = true;
        foreach (var item in items.IsDefault ? [] : items)
        {
            Raw(first ? "{\"item\":"u8 : ",{\"item\":"u8);
            first = false;
            String(item.Item);
            Raw(",\"quantity\":"u8);
            Quantity(item.Quantity);
            Raw(",\"unit\":"u8);
            String(item.Unit);
            Raw("}"u8);
        }
    }

    /// <summary>Free text from the group: null when absent, phone numbers masked as everywhere else.</summary>
    private void Text(string? text)
    {
        if (text is null)
            Raw("null"u8);
        else
            String(PhoneNumbers.MaskAll(text));
    }

    private void String(string text)
    {
        // Worst case: every character escaped as \u00XX (6 bytes), or 3 UTF-8 bytes; plus the quotes.
        Reserve(text.Length * 6 + 2);
        _buffer[_length++] = (byte)'"';
        var rest = text.AsSpan();
        while (!rest.IsEmpty)
        {
            int i = rest.IndexOfAny(Escaped);
            var plain = i < 0 ? rest : rest[..i];
            _length += Encoding.UTF8.GetBytes(plain, _buffer.AsSpan(_length));
            if (i < 0)
                break;
            Escape(rest[i]);
            rest = rest[(i + 1)..];
        }
        _buffer[_length++] = (byte)'"';
    }

    private void Escape(char c)
    {
        _buffer[_length++] = (byte)'\\';
        byte short_ = c switch { '"' => (byte)'"', '\\' => (byte)'\\', '\n' => (byte)'n', '\r' => (byte)'r', '\t' => (byte)'t', '\b' => (byte)'b', '\f' => (byte)'f', _ => 0 };
        if (short_ != 0)
        {
            _buffer[_length++] = short_;
            return;
        }
        "u00"u8.CopyTo(_buffer.AsSpan(_length));
        _length += 3;
        _buffer[_length++] = Hex(c >> 4);
        _buffer[_length++] = Hex(c & 0xF);
    }

    private static byte Hex(int digit) => (byte)(digit < 10 ? '0' + digit : 'A' + digit - 10);

    private void Integer(long value)
    {
        Reserve(20);
        Utf8Formatter.TryFormat(value, _buffer.AsSpan(_length), out int written);
        _length += written;
    }

    /// <summary>A quantity as System.Text.Json writes a decimal; a whole one as an integer.</summary>
    private void Quantity(decimal value)
    {
        if (value == decimal.Truncate(value) && value.Scale == 0 && Math.Abs(value) < 1_000_000_000_000m)
        {
            Integer((long)value);
            return;
        }
        Reserve(32);
        Utf8Formatter.TryFormat(value, _buffer.AsSpan(_length), out int written);
        _length += written;
    }

    private void Raw(ReadOnlySpan<byte> bytes)
    {
        Reserve(bytes.Length);
        bytes.CopyTo(_buffer.AsSpan(_length));
        _length += bytes.Length;
    }

    private void Reserve(int bytes)
    {
        if (_length + bytes > _buffer.Length)
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + bytes));
    }
}
