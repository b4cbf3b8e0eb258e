namespace ChainBot.Core.Parsing.Lines;

/// <summary>
/// Splits text into lines on every break phones and bridges send: <c>\r\n</c>, <c>\n</c>, <c>\r</c>,
/// U+2028/U+2029 and NEL. Allocation-free.
/// </summary>
internal ref struct LineEnumerator
{
    private readonly ReadOnlySpan<char> _text;
    private int _next;
    private int _number;

    public LineEnumerator(ReadOnlySpan<char> text)
    {
        _text = text;
        _next = 0;
        _number = 0;
        Current = default;
    }

    public LineSpan Current { get; private set; }

    public readonly LineEnumerator GetEnumerator() => this;

    public bool MoveNext()
    {
        if (_next > _text.Length)
            return false;
        var rest = _text[_next..];
        int i = rest.IndexOfAny(Breaks);
        if (i < 0)
        {
            // The text after the last break; a trailing break does not make one more empty line.
            _next = _text.Length + 1;
            if (rest.IsEmpty && _number > 0)
                return false;
            Current = new LineSpan(_text.Length - rest.Length, rest.Length, ++_number);
            return true;
        }
        Current = new LineSpan(_next, i, ++_number);
        _next += i + (rest[i] == '\r' && i + 1 < rest.Length && rest[i + 1] == '\n' ? 2 : 1);
        return true;
    }

    private static ReadOnlySpan<char> Breaks => "\r\n\u2028\u2029\u0085";
}
