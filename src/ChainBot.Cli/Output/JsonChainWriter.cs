using System.Collections.Immutable;
using System.Text.Encodings.Web;
using System.Text.Json;
using ChainBot.Cli.Input;
using ChainBot.Core.Chains;
using ChainBot.Core.Compounds;
using ChainBot.Core.Tally;
using ChainBot.Core.Text;
using ChainBot.Core.Transcripts;

namespace ChainBot.Cli.Output;

/// <summary>
/// Writes the CLI's JSON (the contract in <c>schemas/chainbot-output.schema.json</c>) straight to a stream,
/// one entry at a time, so a 400,000-entry chain costs a buffer, not a document tree.
/// </summary>
/// <remarks>
/// A chain is written in sections, in this order: <see cref="WriteStartChain(ChainHeader, ChainKind)"/>,
/// <see cref="WriteEntries(IEnumerable{ChainEntry}, TallyBuilder?)"/>, <see cref="WriteTally"/>,
/// <see cref="WriteUnread"/>, <see cref="WriteEndChain"/>, so a streaming parser can feed entries as it reads them
/// and total them on the way (<see cref="WriteEntries(IEnumerable{ChainEntry}, TallyBuilder?)"/> takes a
/// <see cref="TallyBuilder"/>). A merged chain (<c>replay</c>, in <c>JsonChainWriter.Replay.cs</c>) has the same
/// sections with more members, and the document may end with the groups' ignored and reported messages.
/// Chinese is written as is, not as <c>\uXXXX</c>; phone numbers in free text are masked again on the way out,
/// whatever the parser did. Not thread-safe.
/// </remarks>
internal sealed partial class JsonChainWriter : IDisposable
{
    // Utf8JsonWriter buffers everything until flushed; flushing at this size keeps memory flat on huge chains.
    private const int FlushThreshold = 1 << 17;

    private static readonly JsonWriterOptions Options = new()
    {
        // Relaxed: Chinese, quotes-in-text and the like stay readable; the output is never embedded in HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        // The sections are written in their order by this class alone (Expect checks it): no need to check each token.
        SkipValidation = true,
    };

    private readonly Stream _output;
    private readonly Utf8JsonWriter _json;
    private readonly EntryJsonEncoder _entryEncoder = new();
    private Section _next = Section.Document;

    // Conflicts is optional (merged chains only), as are Ignored and Reports (after the chains of a replay).
    private enum Section { Document, Chain, Entries, Tally, Unread, Conflicts, EndChain, Ignored, Reports, End, Done }

    /// <summary>Writes to <paramref name="output"/>, which stays open.</summary>
    public JsonChainWriter(Stream output)
    {
        _output = output ?? throw new ArgumentNullException(nameof(output));
        _json = new Utf8JsonWriter(output, Options);
    }

    /// <summary>Writes a whole document: <c>{"chains":[…]}</c> and a newline; with <paramref name="compound"/>, each tally's zones.</summary>
    public static void Write(Stream output, IEnumerable<ChainPost> posts, Compound? compound = null)
    {
        ArgumentNullException.ThrowIfNull(posts);
        using var writer = new JsonChainWriter(output) { Compound = compound };
        writer.WriteStartDocument();
        foreach (var post in posts)
            writer.WriteChain(post);
        writer.WriteEndDocument();
    }

    /// <summary>Opens the document: <c>{"chains":[</c>.</summary>
    public void WriteStartDocument()
    {
        Expect(Section.Document, Section.Chain);
        _json.WriteStartObject();
        _json.WriteStartArray(Names.Chains);
    }

    /// <summary>Writes one post: header, entries, their tally and the unread lines.</summary>
    public void WriteChain(ChainPost post)
    {
        ArgumentNullException.ThrowIfNull(post);
        WriteStartChain(post.Header, post.Kind);
        var tally = new TallyBuilder(post.Header.Catalogue);
        WriteEntries(post.Entries, tally);
        WriteTally(tally.Build());
        WriteUnread(post.Unread);
        WriteEndChain();
    }

    /// <summary>Opens a chain and writes its title, kind, deadline and catalogue.</summary>
    public void WriteStartChain(ChainHeader header, ChainKind kind)
    {
        ArgumentNullException.ThrowIfNull(header);
        Expect(Section.Chain, Section.Entries);
        _json.WriteStartObject();
        WriteHeader(header, kind);
    }

    private void WriteHeader(ChainHeader header, ChainKind kind)
    {
        WriteText(Names.Title, header.Title);
        _json.WriteString(Names.Kind, kind switch
        {
            ChainKind.Order => "order",
            ChainKind.Roster => "roster",
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown chain kind"),
        });
        if (header.Deadline is { } deadline)
            _json.WriteString(Names.Deadline, TranscriptTime.Format(deadline));
        else
            _json.WriteNull(Names.Deadline);

        _json.WriteStartArray(Names.Catalog);
        foreach (var item in header.Catalogue.IsDefault ? [] : header.Catalogue)
        {
            _json.WriteStartObject();
            _json.WriteString(Names.Item, item.Name);
            _json.WriteString(Names.Unit, item.Unit);
            WriteNumber(Names.Price, item.Price);
            WriteText(Names.Spec, item.Spec);
            _json.WriteEndObject();
        }
        _json.WriteEndArray();
    }

    /// <summary>
    /// Writes the <c>entries</c> array, one entry at a time as <paramref name="entries"/> yields them, flushing as
    /// it goes; each entry is also added to <paramref name="tally"/> when one is given.
    /// </summary>
    public void WriteEntries(IEnumerable<ChainEntry> entries, TallyBuilder? tally = null)
    {
        ArgumentNullException.ThrowIfNull(entries);
        Expect(Section.Entries, Section.Tally);
        _json.WriteStartArray(Names.Entries);
        foreach (var entry in entries)
        {
            WriteEntry(_entryEncoder.Encode(entry));
            tally?.Add(entry);
        }
        _json.WriteEndArray();
    }

    /// <summary>
    /// Writes the <c>entries</c> array from parts read and encoded on other threads (<see cref="EncodedParts"/>), in
    /// their order, adding each part's entries to <paramref name="tally"/> and its unread lines to
    /// <paramref name="unread"/>; each part is disposed once written.
    /// </summary>
    public void WriteEntries(IEnumerable<EncodedPart> parts, TallyBuilder tally, ICollection<UnreadLine> unread)
    {
        ArgumentNullException.ThrowIfNull(parts);
        ArgumentNullException.ThrowIfNull(tally);
        ArgumentNullException.ThrowIfNull(unread);
        Expect(Section.Entries, Section.Tally);
        _json.WriteStartArray(Names.Entries);
        foreach (var part in parts)
        {
            using (part)
            {
                // The part's entries go in as one raw value: the writer puts the comma before it, the part has its own.
                if (!part.Post.Entries.IsEmpty)
                    WriteEntry(part.EntriesJson);
                foreach (var entry in part.Post.Entries)
                    tally.Add(entry);
                foreach (var line in part.Post.Unread)
                    unread.Add(line);
            }
        }
        _json.WriteEndArray();
    }

    private void WriteEntry(ReadOnlySpan<byte> encoded)
    {
        _json.WriteRawValue(encoded, skipInputValidation: true);
        if (_json.BytesPending >= FlushThreshold)
            _json.Flush();
    }

    /// <summary>Writes the <c>tally</c> object: one row per building, then the totals.</summary>
    public void WriteTally(ChainTally tally)
    {
        ArgumentNullException.ThrowIfNull(tally);
        Expect(Section.Tally, Section.Unread);
        _json.WriteStartObject(Names.Tally);
        _json.WriteStartArray(Names.Buildings);
        foreach (var building in tally.Buildings)
        {
            _json.WriteStartObject();
            WriteText(Names.Area, building.Area);
            WriteText(Names.Building, building.Building);
            _json.WriteNumber(Names.Households, building.Households);
            WriteItems(building.Items);
            _json.WriteNumber(Names.Amount, building.Amount);
            _json.WriteEndObject();
        }
        _json.WriteEndArray();
        _json.WriteStartObject(Names.Total);
        _json.WriteNumber(Names.Households, tally.Total.Households);
        WriteItems(tally.Total.Items);
        _json.WriteNumber(Names.Amount, tally.Total.Amount);
        _json.WriteEndObject();
        WriteZones(tally);
        _json.WriteEndObject();
    }

    /// <summary>Writes the <c>unread</c> array: each line the parser could not read, and why.</summary>
    public void WriteUnread(IEnumerable<UnreadLine> unread)
    {
        ArgumentNullException.ThrowIfNull(unread);
        Expect(Section.Unread, Section.Conflicts);
        _json.WriteStartArray(Names.Unread);
        foreach (var line in unread)
        {
            _json.WriteStartObject();
            WriteText(Names.Line, line.Line);
            _json.WriteString(Names.Reason, line.Reason);
            _json.WriteEndObject();
            if (_json.BytesPending >= FlushThreshold)
                _json.Flush();
        }
        _json.WriteEndArray();
    }

    /// <summary>Closes the chain; another may follow.</summary>
    public void WriteEndChain()
    {
        Skip(Section.Conflicts, Section.EndChain);
        Expect(Section.EndChain, Section.Chain);
        _json.WriteEndObject();
    }

    /// <summary>Closes the document, ends it with a newline and flushes everything to the stream.</summary>
    public void WriteEndDocument()
    {
        if (_next == Section.Chain)
            WriteEndChains();
        Skip(Section.Ignored, Section.Reports);
        Skip(Section.Reports, Section.End);
        Expect(Section.End, Section.Done);
        _json.WriteEndObject();
        _json.Flush();
        _output.Write("\n"u8);
        _output.Flush();
    }

    /// <summary>Releases the JSON writer's buffer; the stream stays open.</summary>
    public void Dispose() => _json.Dispose();

    private void WriteItems(ImmutableArray<ItemQuantity> items)
    {
        _json.WriteStartArray(Names.Items);
        foreach (var item in items.IsDefault ? [] : items)
        {
            _json.WriteStartObject();
            _json.WriteString(Names.Item, item.Item);
            _json.WriteNumber(Names.Quantity, item.Quantity);
            _json.WriteString(Names.Unit, item.Unit);
            _json.WriteEndObject();
        }
        _json.WriteEndArray();
    }

    // Free text from the group: written as null when absent, never omitted, and with phone numbers masked.
    // MaskAll returns its argument untouched (no copy) when the text holds no number.
    private void WriteText(JsonEncodedText name, string? text)
    {
        if (text is null)
            _json.WriteNull(name);
        else
            _json.WriteString(name, PhoneNumbers.MaskAll(text));
    }

    private void WriteNumber(JsonEncodedText name, decimal? value)
    {
        if (value is decimal number)
            _json.WriteNumber(name, number);
        else
            _json.WriteNull(name);
    }

    /// <summary>Passes over an optional section that was not written.</summary>
    private void Skip(Section optional, Section next)
    {
        if (_next == optional)
            _next = next;
    }

    private void Expect(Section section, Section next)
    {
        if (_next != section)
            throw new InvalidOperationException($"JSON chain sections out of order: expected {_next}, got {section}.");
        _next = next;
    }

    // The contract's member names, encoded once rather than on every one of 400,000 entries.
    private static partial class Names
    {
        public static readonly JsonEncodedText Amount = JsonEncodedText.Encode("amount");
        public static readonly JsonEncodedText Area = JsonEncodedText.Encode("area");
        public static readonly JsonEncodedText Building = JsonEncodedText.Encode("building");
        public static readonly JsonEncodedText Buildings = JsonEncodedText.Encode("buildings");
        public static readonly JsonEncodedText Catalog = JsonEncodedText.Encode("catalog");
        public static readonly JsonEncodedText Chains = JsonEncodedText.Encode("chains");
        public static readonly JsonEncodedText Deadline = JsonEncodedText.Encode("deadline");
        public static readonly JsonEncodedText Entries = JsonEncodedText.Encode("entries");
        public static readonly JsonEncodedText Households = JsonEncodedText.Encode("households");
        public static readonly JsonEncodedText Item = JsonEncodedText.Encode("item");
        public static readonly JsonEncodedText Items = JsonEncodedText.Encode("items");
        public static readonly JsonEncodedText Kind = JsonEncodedText.Encode("kind");
        public static readonly JsonEncodedText Line = JsonEncodedText.Encode("line");
        public static readonly JsonEncodedText Price = JsonEncodedText.Encode("price");
        public static readonly JsonEncodedText Quantity = JsonEncodedText.Encode("quantity");
        public static readonly JsonEncodedText Reason = JsonEncodedText.Encode("reason");
        public static readonly JsonEncodedText Spec = JsonEncodedText.Encode("spec");
        public static readonly JsonEncodedText Tally = JsonEncodedText.Encode("tally");
        public static readonly JsonEncodedText Title = JsonEncodedText.Encode("title");
        public static readonly JsonEncodedText Total = JsonEncodedText.Encode("total");
        public static readonly JsonEncodedText Unit = JsonEncodedText.Encode("unit");
        public static readonly JsonEncodedText Unread = JsonEncodedText.Encode("unread");
    }
}
