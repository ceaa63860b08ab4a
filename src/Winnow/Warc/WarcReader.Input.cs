namespace Winnow.Warc;

/// <summary>The input side of the reader: a window on the (decompressed) stream, moved forward only.</summary>
public sealed partial class WarcReader
{
    private static ReadOnlySpan<byte> NextRecordLine => "\nWARC/"u8;

    private ReadOnlySpan<byte> Buffered => _buffer.AsSpan(_start, _end - _start);

    /// <summary>Reads more input into the window; false at the end, or when the input is damaged (see <see cref="_inputError"/>).</summary>
    private bool Fill()
    {
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }

        if (_end == _buffer.Length)
        {
            return true;
        }

        if (_inputEnded)
        {
            return false;
        }

        var at = _position + _end;
        int read;
        try
        {
            read = _stream.Read(_buffer, _end, _buffer.Length - _end);
        }
        catch (InvalidDataException e)
        {
            // Damaged gzip: nothing after it can be read. The record it cuts is reported with this.
            _inputError = e.Message;
            read = 0;
        }

        if (read <= 0)
        {
            _inputEnded = true;
            return false;
        }

        if (_gzip is not null && (_members.Count == 0 || _members[^1].Member != _gzip.MemberStartOffset))
        {
            // One read never returns bytes of two members, so a new member starts at this read.
            _members.Add((at, _gzip.MemberStartOffset));
        }

        _end += read;
        return true;
    }

    /// <summary>Whether at least <paramref name="count"/> bytes are buffered, reading more if needed.</summary>
    private bool Ensure(int count)
    {
        while (_end - _start < count)
        {
            if (!Fill())
            {
                return false;
            }
        }

        return true;
    }

    private void Consume(int count)
    {
        _start += count;
        _position += count;
    }

    /// <summary>Skips blanks and line ends (between records); false at the end of the input.</summary>
    private bool SkipBlanks()
    {
        while (true)
        {
            var content = Buffered.IndexOfAnyExcept(" \t\r\n"u8);
            if (content >= 0)
            {
                Consume(content);
                return true;
            }

            Consume(_end - _start);
            if (!Fill())
            {
                return false;
            }
        }
    }

    /// <summary>Skips up to <paramref name="count"/> bytes; returns how many there were.</summary>
    private long Skip(long count)
    {
        var skipped = 0L;
        while (skipped < count && (_start < _end || Fill()))
        {
            var take = (int)Math.Min(count - skipped, _end - _start);
            Consume(take);
            skipped += take;
        }

        return skipped;
    }

    /// <summary>Copies up to <paramref name="output"/>.Length bytes into it; returns how many there were.</summary>
    private int ReadBlock(Span<byte> output)
    {
        var done = 0;
        while (done < output.Length && (_start < _end || Fill()))
        {
            var take = Math.Min(output.Length - done, _end - _start);
            Buffered[..take].CopyTo(output[done..]);
            Consume(take);
            done += take;
        }

        return done;
    }

    /// <summary>
    /// Skips from a line start that holds no record to the next line that starts with "WARC/", or to
    /// the end; returns the bytes skipped. Never stops where it starts, so every call moves on.
    /// </summary>
    private long SkipToRecordLine()
    {
        var skipped = 0L;
        while (true)
        {
            var found = Buffered.IndexOf(NextRecordLine);
            if (found >= 0)
            {
                Consume(found + 1);
                return skipped + found + 1;
            }

            // The last bytes may begin "\nWARC/": keep them for the next look.
            var keep = Math.Min(_end - _start, NextRecordLine.Length - 1);
            var take = _end - _start - keep;
            Consume(take);
            skipped += take;
            if (!Fill() || _end - _start == keep)
            {
                skipped += _end - _start;
                Consume(_end - _start);
                return skipped;
            }
        }
    }

    /// <summary>Where the byte at <paramref name="position"/> (in the decompressed input) belongs: its gzip member, and how far into it.</summary>
    private (long Offset, long InMember) Locate(long position)
    {
        if (_gzip is null)
        {
            return (position, 0);
        }

        var index = _members.Count - 1;
        while (index >= 0 && _members[index].Start > position)
        {
            index--;
        }

        if (index < 0)
        {
            return (0, position);
        }

        var (start, member) = _members[index];

        // Records are read forward: older members can no longer be asked for.
        _members.RemoveRange(0, index);
        return (member, position - start);
    }
}
