using System.Collections.Immutable;
using ChainBot.Core.Chains;
using ChainBot.Core.Parsing.Entries;
using ChainBot.Core.Parsing.Header;
using ChainBot.Core.Parsing.Lines;
using ChainBot.Core.Text;

namespace ChainBot.Core.Parsing;

/// <summary>
/// Reads a message line by line (chain-formats.md, "A chain post"): header lines until the first entry, then
/// numbered entries, each possibly continued on the lines after it. Numbered lines in the header stay pending
/// until it is clear whether they are a menu (an example line follows) or the first entries. One per parse.
/// </summary>
internal sealed class PostReader
{
    /// <summary>Numbered header lines held back before deciding they are entries, not a menu.</summary>
    private const int MaxPendingMenuLines = 40;

    private readonly string _text;
    private readonly int _maxLineLength;
    private readonly HeaderBuilder _header;
    private readonly List<LineSpan> _pending = [];
    private readonly ImmutableArray<ChainEntry>.Builder _entries = ImmutableArray.CreateBuilder<ChainEntry>();
    private readonly ImmutableArray<UnreadLine>.Builder _unread = ImmutableArray.CreateBuilder<UnreadLine>();
    private ChainHeader? _builtHeader;
    private EntryReader? _reader;
    private char[] _lineBuffer = new char[256];
    private readonly CurrentEntry _current = new();

    public PostReader(string text, DateTimeOffset messageTime, TimeZoneInfo zone, int maxLineLength)
    {
        _text = text;
        _maxLineLength = maxLineLength;
        _header = new HeaderBuilder(messageTime, zone);
    }

    private bool InEntries => _reader is not null;

    public ChainPost Read()
    {
        var quoted = Quotes.FindQuotedLines(_text);
        foreach (var line in new LineEnumerator(_text))
        {
            if (quoted is not null && quoted.Contains(line.Number))
                continue;
            Feed(line);
        }
        FinishCurrent();
        if (_pending.Count > 0)
        {
            FlushPendingAsEntries();
            FinishCurrent();
        }
        return new ChainPost(_builtHeader ?? _header.Build(), _entries.ToImmutable(), _unread.ToImmutable());
    }

    private void Feed(LineSpan line)
    {
        var raw = _text.AsSpan(line.Start, line.Length);
        if (raw.Length > _maxLineLength)
        {
            FinishCurrent();
            AddUnread(raw.Trim().ToString(), UnreadReasons.TooLong, line.Number);
            return;
        }
        if (_lineBuffer.Length < raw.Length)
            _lineBuffer = new char[Math.Max(raw.Length, _lineBuffer.Length * 2)];
        int n = TextNormalizer.Normalize(raw, _lineBuffer);
        var text = _lineBuffer.AsSpan(0, n).Trim(' ');

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
                StartNumbered(seq, body, line);
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
        if (LooksLikeEntry(text))
        {
            // An entry someone typed without a number.
            FinishCurrent();
            _current.Start(null, text, line);
            return;
        }
        if (_current.IsOpen)
        {
            _current.Append(text, line);
            return;
        }
        AddUnread(RawLine(line.Start, line.Start + line.Length), UnreadReasons.NotAnEntry, line.Number);
    }

    private void FeedNumberedHeaderLine(char numberChar, ReadOnlySpan<char> body, LineSpan line)
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

    private void FeedUnnumberedHeaderLine(ReadOnlySpan<char> text, LineSpan line)
    {
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
        Span<char> buffer = stackalloc char[256];
        foreach (var line in _pending)
        {
            var raw = _text.AsSpan(line.Start, Math.Min(line.Length, buffer.Length));
            int n = TextNormalizer.Normalize(raw, buffer);
            var text = buffer[..n].Trim(' ');
            if (SequenceNumbers.TryRead(text, out _, out int bodyStart))
                _header.AddMenuLine(text[bodyStart..].Trim(' '), text[0]);
            else
                _header.AddLine(text);
        }
        _pending.Clear();
    }

    private void FlushPendingAsEntries()
    {
        _builtHeader = _header.Build();
        _reader = new EntryReader(new CatalogueIndex(_builtHeader.Catalogue));
        var lines = _pending.ToArray();
        _pending.Clear();
        foreach (var line in lines)
            Feed(line);
    }

    /// <summary>A numbered line in the entries; a chain flattened onto one line is split where the next number stands.</summary>
    private void StartNumbered(int seq, ReadOnlySpan<char> body, LineSpan line)
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
        string line = current.Flattened ? current.FlatLine() : RawLine(current.RawStart, current.RawEnd);
        if (!current.IsPlaceholder)
        {
            var read = _reader!.Read(current.Body, current.Seq, line, current.LineNumber);
            if (read.Entry is not null)
                _entries.Add(read.Entry);
            else
                AddUnread(line, read.Reason!, current.LineNumber);
        }
        current.Close();
    }

    private string RawLine(int start, int end) => PhoneNumbers.MaskAll(_text.AsSpan(start, end - start).Trim().ToString());

    private void AddUnread(string line, string reason, int lineNumber) =>
        _unread.Add(new UnreadLine(PhoneNumbers.MaskAll(line), reason, lineNumber));

    /// <summary>The entry being read: its number, normalized text so far, and where it stands in the message.</summary>
    private sealed class CurrentEntry
    {
        private char[] _body = new char[256];
        private int _length;

        public bool IsOpen { get; private set; }
        public bool IsPlaceholder { get; private set; }
        public bool Flattened { get; private set; }
        public int? Seq { get; private set; }
        public int RawStart { get; private set; }
        public int RawEnd { get; private set; }
        public int LineNumber { get; private set; }

        public ReadOnlySpan<char> Body => _body.AsSpan(0, _length);

        public void Start(int? seq, ReadOnlySpan<char> body, LineSpan line, bool flattened = false)
        {
            IsOpen = true;
            IsPlaceholder = false;
            Flattened = flattened;
            Seq = seq;
            RawStart = line.Start;
            RawEnd = line.Start + line.Length;
            LineNumber = line.Number;
            _length = 0;
            Put(body);
        }

        public void StartPlaceholder(int seq, LineSpan line)
        {
            Start(seq, [], line);
            IsPlaceholder = true;
        }

        /// <summary>A continuation line: joined to the entry with a space.</summary>
        public void Append(ReadOnlySpan<char> text, LineSpan line)
        {
            if (_length > 0)
                Put(" ");
            Put(text);
            IsPlaceholder = false;
            RawEnd = line.Start + line.Length;
        }

        /// <summary>An entry cut out of a flattened line is echoed as its number and text.</summary>
        public string FlatLine() => $"{Seq}. {Body}";

        public void Close()
        {
            IsOpen = false;
            IsPlaceholder = false;
            Flattened = false;
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
