using System.Buffers;
using System.Collections.Immutable;
using ChainBot.Core.Chains;
using ChainBot.Core.Parsing.Entries;
using ChainBot.Core.Parsing.Header;
using ChainBot.Core.Parsing.Lines;
using ChainBot.Core.Segmentation;
using ChainBot.Core.Text;

namespace ChainBot.Core.Parsing;

/// <summary>
/// Reads a message line by line (chain-formats.md, "A chain post"): header lines until the first entry, then
/// numbered entries, each possibly continued on the lines after it. Numbered lines in the header stay pending
/// until it is clear whether they are a menu (an example line follows) or the first entries. One per parse.
/// </summary>
internal sealed class PostReader : IDisposable
{
    /// <summary>Numbered header lines held back before deciding they are entries, not a menu.</summary>
    private const int MaxPendingMenuLines = 40;

    private readonly IEnumerator<SourceLine> _lines;
    private readonly int _maxLineLength;
    private readonly HeaderBuilder _header;
    private readonly List<SourceLine> _pending = [];
    private readonly Queue<ChainEntry> _ready = new();
    private readonly ImmutableArray<UnreadLine>.Builder _unread = ImmutableArray.CreateBuilder<UnreadLine>();
    private readonly CurrentEntry _current = new();
    private ChainHeader? _builtHeader;
    private EntryReader? _reader;
    private char[] _lineBuffer = new char[256];
    private bool _ended;
    private bool _offlineBlock;
    private bool _headerFolded;
    private string? _foldedTitle;
    private string? _foldedExample;

    private readonly WordDictionary _dictionary;

    public PostReader(IEnumerable<SourceLine> lines, DateTimeOffset messageTime, TimeZoneInfo zone, int maxLineLength, WordDictionary dictionary)
        : this(SourceLines.WithoutQuotes(lines).GetEnumerator(), messageTime, zone, maxLineLength, dictionary)
    {
    }

    private PostReader(IEnumerator<SourceLine> lines, DateTimeOffset messageTime, TimeZoneInfo zone, int maxLineLength, WordDictionary dictionary)
    {
        _dictionary = dictionary;
        _lines = lines;
        _maxLineLength = maxLineLength;
        _header = new HeaderBuilder(messageTime, zone);
    }

    /// <summary>
    /// Reads a message under a chain's known header: a copy that lost its header, or a reply (15-502 李 2份, 12-301
    /// 取消, 代登记：…), in which every line is an entry, numbered or not, and need not name its household (改成2份 —
    /// the sender's own).
    /// </summary>
    /// <param name="lines">The message.</param>
    /// <param name="chain">The header of the chain the message answers or copies.</param>
    /// <param name="replying">True for a reply; false for a copy of the chain that lost its header (entries as usual).</param>
    /// <param name="maxLineLength">Lines longer than this are unread.</param>
    /// <param name="dictionary">The words names and goods are told apart with.</param>
    public PostReader(IEnumerable<SourceLine> lines, ChainHeader chain, bool replying, int maxLineLength, WordDictionary dictionary)
        : this(lines, DateTimeOffset.UnixEpoch, TimeZoneInfo.Utc, maxLineLength, dictionary)
    {
        _builtHeader = chain;
        _reader = new EntryReader(new CatalogueIndex(chain.Catalogue), dictionary, householdRequired: !replying);
        _replying = replying;
    }

    private readonly bool _replying;

    /// <summary>
    /// Reads one part of a post's entries (<see cref="ChainPart"/>): lines the post's reader has already stripped of
    /// quotes, read as that reader would read them after a numbered line, under the same header and catalogue.
    /// </summary>
    internal static PostReader ForPart(IReadOnlyList<SourceLine> lines, ChainPart.Source source)
    {
        var reader = new PostReader(lines.GetEnumerator(), DateTimeOffset.UnixEpoch, TimeZoneInfo.Utc, source.MaxLineLength, source.Dictionary)
        {
            _builtHeader = source.Header,
            _reader = new EntryReader(source.Catalogue, source.Lexicon),
        };
        return reader;
    }

    private bool InEntries => _reader is not null;

    /// <summary>The header: read up to the first entry (or the end) to know it.</summary>
    public ChainHeader Header
    {
        get
        {
            while (_builtHeader is null && Pump())
            {
            }
            return _builtHeader ??= _header.Build();
        }
    }

    /// <summary>Lines not read; complete once <see cref="TryRead"/> has returned false.</summary>
    public ImmutableArray<UnreadLine> Unread => _unread.ToImmutable();

    /// <summary>The next entry, reading as many lines as it takes.</summary>
    public bool TryRead([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ChainEntry? entry)
    {
        while (_ready.Count == 0 && Pump())
        {
        }
        return _ready.TryDequeue(out entry);
    }

    /// <summary>Reads the whole post.</summary>
    public ChainPost ReadAll()
    {
        var header = Header;
        var entries = ImmutableArray.CreateBuilder<ChainEntry>();
        while (TryRead(out var entry))
            entries.Add(entry);
        return new ChainPost(header, entries.ToImmutable(), Unread);
    }

    /// <summary>
    /// The rest of the post in parts of at least <paramref name="minLines"/> lines that read the same apart as in
    /// sequence, to be read on several threads. Every part after the first begins at a numbered line of the entries:
    /// there a reader keeps nothing of the lines before but the header (the entry before is finished, a block of
    /// neighbours' lines ends). The first part, like the header, is read here, up to the first cut; the others are
    /// read when asked (<see cref="ChainPart.Read"/>).
    /// </summary>
    public IEnumerable<ChainPart> Parts(int minLines)
    {
        var header = Header;
        SourceLine? cut = null;
        for (int fed = 0; !_ended && cut is null; fed++)
        {
            if (!_lines.MoveNext())
            {
                Pump(); // the end: the last entry is finished, pending lines are flushed
                break;
            }
            if (fed >= minLines && InEntries && StartsEntry(_lines.Current))
                cut = _lines.Current;
            else
                Feed(_lines.Current);
        }
        FinishCurrent();
        yield return new ChainPart(new ChainPost(header, [.. _ready], Unread));
        _ready.Clear();
        if (cut is not { } first)
            yield break;

        var source = new ChainPart.Source(header, _reader!.Catalogue, _reader.Lexicon, _maxLineLength, _dictionary);
        var lines = new List<SourceLine>(minLines) { first };
        while (_lines.MoveNext())
        {
            var line = _lines.Current;
            if (lines.Count >= minLines && StartsEntry(line))
            {
                yield return new ChainPart(source, lines);
                lines = new List<SourceLine>(minLines);
            }
            lines.Add(line);
        }
        _ended = true;
        yield return new ChainPart(source, lines);
    }

    public void Dispose() => _lines.Dispose();

    /// <summary>Feeds one more line, or ends the post; false once it has ended.</summary>
    private bool Pump()
    {
        if (_ended)
            return false;
        if (_lines.MoveNext())
        {
            Feed(_lines.Current);
            return true;
        }
        _ended = true;
        FinishCurrent();
        if (_pending.Count > 0)
        {
            FlushPendingAsEntries();
            FinishCurrent();
        }
        return true;
    }

    private void Feed(SourceLine line)
    {
        var raw = line.Text.AsSpan();
        if (raw.Length > _maxLineLength)
        {
            FinishCurrent();
            AddUnread(line.Text.Trim(), UnreadReasons.TooLong, line.Number);
            return;
        }
        var text = Normalize(raw);
        if (text.IsEmpty)
        {
            if (InEntries)
                FinishCurrent();
            else if (_pending.Count == 0)
                _header.AddLine(text);
            return;
        }

        if (SequenceNumbers.TryRead(text, out int seq, out int bodyStart))
        {
            var body = text[bodyStart..].Trim(' ');
            if (InEntries)
            {
                _offlineBlock = false;
                StartNumbered(seq, body, line);
            }
            else
                FeedNumberedHeaderLine(text[0], body, line);
            return;
        }

        if (!InEntries)
        {
            FeedUnnumberedHeaderLine(text, line);
            return;
        }

        if (_current.IsPlaceholder)
        {
            // WeChat's "N. ." placeholder: the entry's text is on this line.
            _current.Append(text, line);
            return;
        }
        if (RepeatsTheHeader(text))
            return; // the title or the example pasted again among the entries
        if (IsOfflineBlockLabel(text))
        {
            // 线下登记：, 以下是线下代登记的： — the lines after it are a volunteer's, for neighbours.
            FinishCurrent();
            _offlineBlock = true;
            return;
        }
        if (LooksLikeEntry(text) || (_replying && StartsAReplyEntry(text)))
        {
            // An entry someone typed without a number.
            FinishCurrent();
            _current.Start(null, text, line, onBehalf: _offlineBlock);
            return;
        }
        if (_current.IsOpen && !(IsChatter(text) && IsComplete(_current.Body)))
        {
            // The rest of the entry, or a remark on it (（放门口就行）, 下午3点后在家).
            _current.Append(text, line);
            return;
        }
        // 我家也要, 还有吗？ after a complete entry: chatter pasted into the copy, reported, not made a note.
        FinishCurrent();
        AddUnread(line.Text.Trim(), UnreadReasons.NotAnEntry, line.Number);
    }

    /// <summary>A line normalized as the entries read it, trimmed; valid until the next line is normalized.</summary>
    private ReadOnlySpan<char> Normalize(ReadOnlySpan<char> raw)
    {
        if (_lineBuffer.Length < raw.Length)
            _lineBuffer = new char[Math.Max(raw.Length, _lineBuffer.Length * 2)];
        int n = TextNormalizer.Normalize(raw, _lineBuffer);
        return _lineBuffer.AsSpan(0, n).Trim(' ');
    }

    /// <summary>True when <see cref="Feed"/> would start an entry at <paramref name="line"/>: a numbered line.</summary>
    private bool StartsEntry(SourceLine line) =>
        line.Text.Length <= _maxLineLength && SequenceNumbers.TryRead(Normalize(line.Text), out _, out _);

    /// <summary>
    /// In a reply, a line is an entry of its own unless it only adds to the one before: a remark in brackets
    /// (（放门口就行）), or the rest of an entry that does not yet order anything.
    /// </summary>
    private bool StartsAReplyEntry(ReadOnlySpan<char> text) =>
        !_current.IsOpen || (text[0] is not ('(' or '（' or '[' or '【') && IsComplete(_current.Body));

    /// <summary>An entry that already orders something (or, in a roster, names someone).</summary>
    private bool IsComplete(ReadOnlySpan<char> body) =>
        _reader!.Read(body, null, string.Empty, 0).Entry is { } entry && (_reader.IsRoster || !entry.Items.IsEmpty);

    /// <summary>A question or a request to the group: 还有吗？, 我家也要, @团长 我晚点转账可以吗.</summary>
    private static bool IsChatter(ReadOnlySpan<char> text) =>
        text.ContainsAny(ChatterMarks) || text.Contains("也要", StringComparison.Ordinal) || text.Contains("还有", StringComparison.Ordinal)
        || text.Contains("请问", StringComparison.Ordinal) || text.Contains("可以吗", StringComparison.Ordinal);

    private static readonly SearchValues<char> ChatterMarks = SearchValues.Create("?？@吗呢吧");

    /// <summary>
    /// The title and the one-line example as the entries read them (normalized), made once: every entry is compared
    /// with the example.
    /// </summary>
    private void FoldHeader()
    {
        if (_headerFolded || _builtHeader is null)
            return;
        _headerFolded = true;
        _foldedTitle = _builtHeader.Title is { } title ? TextNormalizer.Normalize(title).Trim(' ') : null;
        _foldedExample = _builtHeader.Example is { } example && !example.Contains('\n') ? TextNormalizer.Normalize(example) : null;
    }

    private bool RepeatsTheHeader(ReadOnlySpan<char> text)
    {
        FoldHeader();
        return (_foldedTitle is not null && text.SequenceEqual(_foldedTitle))
            || HeaderBuilder.TryExample(text, out _);
    }

    /// <summary>
    /// A short line ending in a colon that says the lines below are for others: 线下登记：, 代登记：, 代报：,
    /// 帮楼里老人接龙：, 帮邻居登记：, 替老人报名：.
    /// </summary>
    private static bool IsOfflineBlockLabel(ReadOnlySpan<char> text)
    {
        if (text.Length > 16 || text[^1] is not (':' or '：'))
            return false;
        if (text.Contains("线下", StringComparison.Ordinal) || text.Contains("代登记", StringComparison.Ordinal) || text.Contains("代报", StringComparison.Ordinal))
            return true;
        bool forOthers = text.Contains('帮') || text.Contains('替') || text.Contains('代');
        return forOthers && (text.Contains("接龙", StringComparison.Ordinal) || text.Contains("登记", StringComparison.Ordinal) || text.Contains('报'));
    }

    private void FeedNumberedHeaderLine(char numberChar, ReadOnlySpan<char> body, SourceLine line)
    {
        if (HeaderBuilder.TryExample(body, out _))
        {
            ResolvePendingAsMenu();
            _header.AddLine(body);
            return;
        }
        if (LooksLikeEntry(body) || _pending.Count >= MaxPendingMenuLines)
        {
            _pending.Add(line);
            FlushPendingAsEntries();
            return;
        }
        if (PriceScanner.HasPrice(body))
        {
            ResolvePendingAsMenu();
            _header.AddMenuLine(body, numberChar);
            return;
        }
        _pending.Add(line);
    }

    private void FeedUnnumberedHeaderLine(ReadOnlySpan<char> text, SourceLine line)
    {
        // A chain flattened onto one line with its header: #接龙 … 75元/包 1. 12号 301 王阿姨 1包 2. …
        int first = SequenceNumbers.FindNext(text, 1);
        if (first > 0 && SequenceNumbers.FindNext(text[first..], 2) > 0
            && SequenceNumbers.TryRead(text[first..], out _, out int bodyStart) && LooksLikeEntry(text[first..][bodyStart..].TrimStart(' ')))
        {
            FeedUnnumberedHeaderLine(text[..first].TrimEnd(' '), line);
            Feed(new SourceLine(text[first..].ToString(), line.Number));
            return;
        }
        if (_pending.Count == 0)
        {
            _header.AddLine(text);
            return;
        }
        if (HeaderBuilder.TryExample(text, out _))
        {
            // Numbered lines before the example were a menu (1.凉拌牛肉 2.红烧肉 … 例：…).
            ResolvePendingAsMenu();
            _header.AddLine(text);
            return;
        }
        _pending.Add(line); // a continuation of a pending numbered line
    }

    private void ResolvePendingAsMenu()
    {
        foreach (var line in _pending)
        {
            string normalized = TextNormalizer.Normalize(line.Text);
            var text = normalized.AsSpan().Trim(' ');
            if (SequenceNumbers.TryRead(text, out _, out int bodyStart))
                _header.AddMenuLine(text[bodyStart..].Trim(' '), text[0]);
            else
                _header.AddLine(text);
        }
        _pending.Clear();
    }

    private void FlushPendingAsEntries()
    {
        _builtHeader ??= _header.Build();
        _reader = new EntryReader(new CatalogueIndex(_builtHeader.Catalogue), _dictionary);
        var lines = _pending.ToArray();
        _pending.Clear();
        foreach (var line in lines)
            Feed(line);
    }

    /// <summary>A numbered line in the entries; a chain flattened onto one line is split where the next number stands.</summary>
    private void StartNumbered(int seq, ReadOnlySpan<char> body, SourceLine line)
    {
        FinishCurrent();
        bool split = false;
        while (true)
        {
            int next = seq < int.MaxValue ? SequenceNumbers.FindNext(body, seq + 1) : -1;
            if (next < 0)
                break;
            var segment = body[..next].Trim(' ');
            if (!IsEmptySlot(segment))
            {
                _current.Start(seq, segment, line, flattened: true);
                FinishCurrent();
            }
            body = body[next..];
            split = true;
            if (!SequenceNumbers.TryRead(body, out seq, out int bodyStart))
                return;
            body = body[bodyStart..].Trim(' ');
        }
        if (body is "." or "。" or "．")
        {
            _current.StartPlaceholder(seq, line);
            return;
        }
        if (IsEmptySlot(body))
            return; // "6." — an empty slot is no entry
        _current.Start(seq, body, line, flattened: split);
    }

    private static bool IsEmptySlot(ReadOnlySpan<char> body)
    {
        foreach (char c in body)
        {
            if (!CharKinds.IsSeparator(c))
                return false;
        }
        return true;
    }

    private static bool LooksLikeEntry(ReadOnlySpan<char> text)
    {
        Span<bool> consumed = text.Length <= 512 ? stackalloc bool[text.Length] : new bool[text.Length];
        consumed.Clear();
        return AddressScanner.TryFind(text, consumed, null, out var match) && match.Start <= 1 && match.Address.Building is not null;
    }

    private void FinishCurrent()
    {
        if (!_current.IsOpen)
            return;
        var current = _current;
        if (!current.IsPlaceholder)
        {
            if (IsTheExample(current.Body))
            {
                current.Close(); // 1. 12号 301 张三 2份 — the header's example copied as an entry
                return;
            }
            string line = current.Line();
            var read = _reader!.Read(current.Body, current.Seq, line, current.LineNumber);
            if (read.Entry is not null)
                _ready.Enqueue(current.OnBehalf && !read.Entry.OnBehalf ? read.Entry with { OnBehalf = true } : read.Entry);
            else
                AddUnread(line, read.Reason!, current.LineNumber);
        }
        current.Close();
    }

    /// <summary>The header's example, compared without spaces: 例：12号 301 张三 2份 and 12号301 张三 2份 alike.</summary>
    private bool IsTheExample(ReadOnlySpan<char> body)
    {
        FoldHeader();
        if (_foldedExample is null)
            return false;
        var folded = _foldedExample.AsSpan();
        int i = 0, j = 0;
        while (true)
        {
            while (i < body.Length && body[i] == ' ')
                i++;
            while (j < folded.Length && folded[j] == ' ')
                j++;
            if (i == body.Length || j == folded.Length)
                return i == body.Length && j == folded.Length;
            if (body[i++] != folded[j++])
                return false;
        }
    }

    private void AddUnread(string line, string reason, int lineNumber) =>
        _unread.Add(new UnreadLine(PhoneNumbers.MaskAll(line), reason, lineNumber));

    /// <summary>The entry being read: its number, normalized text so far, and the lines it was posted on.</summary>
    private sealed class CurrentEntry
    {
        private readonly System.Text.StringBuilder _raw = new();
        private char[] _body = new char[256];
        private int _length;
        private string? _firstLine;
        private bool _continued;

        public bool IsOpen { get; private set; }
        public bool IsPlaceholder { get; private set; }
        public bool Flattened { get; private set; }
        public bool OnBehalf { get; private set; }
        public int? Seq { get; private set; }
        public int LineNumber { get; private set; }

        public ReadOnlySpan<char> Body => _body.AsSpan(0, _length);

        public void Start(int? seq, ReadOnlySpan<char> body, SourceLine line, bool flattened = false, bool onBehalf = false)
        {
            OnBehalf = onBehalf;
            IsOpen = true;
            IsPlaceholder = false;
            Flattened = flattened;
            Seq = seq;
            LineNumber = line.Number;
            _firstLine = line.Text;
            _continued = false;
            _length = 0;
            Put(body);
        }

        public void StartPlaceholder(int seq, SourceLine line)
        {
            Start(seq, [], line);
            IsPlaceholder = true;
        }

        /// <summary>A continuation line: joined to the entry's text with a space, to its line with a newline.</summary>
        public void Append(ReadOnlySpan<char> text, SourceLine line)
        {
            if (_length > 0)
                Put(" ");
            Put(text);
            IsPlaceholder = false;
            if (!_continued)
            {
                _raw.Clear().Append(_firstLine.AsSpan().Trim());
                _continued = true;
            }
            _raw.Append('\n').Append(line.Text.AsSpan().Trim());
        }

        /// <summary>
        /// The entry as posted: its line (the same string when nothing needs trimming), its lines joined, or for an
        /// entry cut out of a flattened line, its number and text.
        /// </summary>
        public string Line() =>
            Flattened ? $"{Seq}. {Body}"
            : _continued ? _raw.ToString()
            : TrimLine(_firstLine!);

        /// <summary>
        /// Trims a line as posted; most lines start and end with a character that is no space at all: a word, or
        /// the bracket closing a note (…（放门口）, …【已付款】), not asked of the Unicode tables.
        /// </summary>
        private static string TrimLine(string line) =>
            line.Length > 0 && CharKinds.IsWordChar(line[0]) && (CharKinds.IsWordChar(line[^1]) || line[^1] is '）' or ')' or '】' or ']')
                ? line
                : line.Trim();

        public void Close()
        {
            OnBehalf = false;
            IsOpen = false;
            IsPlaceholder = false;
            Flattened = false;
            _continued = false;
            _firstLine = null;
            _length = 0;
        }

        private void Put(ReadOnlySpan<char> text)
        {
            if (_length + text.Length > _body.Length)
                Array.Resize(ref _body, Math.Max(_body.Length * 2, _length + text.Length));
            text.CopyTo(_body.AsSpan(_length));
            _length += text.Length;
        }
    }
}
