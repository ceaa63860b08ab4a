using System.Runtime.InteropServices;

namespace Winnow.IO;

/// <summary>
/// Decodes gzip with the runtime's zlib (<see cref="ZlibNative"/>), one member at a time. Unlike
/// GZipStream it treats input that ends inside a member as an error, and it knows where every
/// member starts and ends.
/// </summary>
/// <remarks>
/// After a member, only zero bytes may follow to the end (some writers pad to a block size); any
/// other byte must start a new member, else zlib's header check fails and the read throws.
/// A single read never returns bytes of two members, so a caller sees each boundary.
/// </remarks>
internal sealed unsafe class ZlibGzipDecoder : IGzipDecoder
{
    private readonly Stream _input;
    private readonly ZStreamHandle _z;
    private long _consumed;
    private bool _inputEnded;
    private bool _inMember;
    private bool _inPadding;
    private bool _finished;
    private long _memberOutput;

    public ZlibGzipDecoder(Stream input, int inputBufferSize)
    {
        _input = input;
        _z = new ZStreamHandle(inputBufferSize);
    }

    public long MemberStartOffset { get; private set; }

    public long MemberIndex { get; private set; } = -1;

    public long CompressedPosition => _consumed - _z.Stream->AvailIn;

    public Action<GzipMember>? MemberEnded { get; set; }

    public int Read(Span<byte> buffer)
    {
        if (_finished || buffer.IsEmpty)
        {
            return 0;
        }

        ZStream* z = _z.Stream;
        fixed (byte* output = buffer)
        {
            while (true)
            {
                if (z->AvailIn == 0 && !Refill())
                {
                    return Finish();
                }

                if (!_inMember && !StartMember())
                {
                    continue;
                }

                z->NextOut = output;
                z->AvailOut = (uint)buffer.Length;
                uint inBefore = z->AvailIn;
                int rc = ZlibNative.Inflate(z, ZlibNative.NoFlush);
                int produced = buffer.Length - (int)z->AvailOut;
                _memberOutput += produced;

                if (rc == ZlibNative.StreamEnd)
                {
                    EndMember();
                }
                else if (rc != ZlibNative.Ok && !(rc == ZlibNative.BufError && z->AvailIn == 0))
                {
                    string detail = z->Msg != null ? Marshal.PtrToStringAnsi((nint)z->Msg) ?? "" : $"zlib error {rc}";
                    throw GzipErrors.Create($"corrupt gzip member starting at offset {MemberStartOffset}: {detail}", CompressedPosition);
                }
                else if (produced == 0 && z->AvailIn == inBefore && z->AvailIn != 0)
                {
                    throw GzipErrors.Create("zlib made no progress on gzip input", CompressedPosition);
                }

                if (produced > 0)
                {
                    return produced;
                }
            }
        }
    }

    public void Dispose() => _z.Dispose();

    private bool Refill()
    {
        if (_inputEnded)
        {
            return false;
        }

        var span = new Span<byte>(_z.InputBuffer, _z.InputBufferSize);
        int n = _input.Read(span);
        if (n == 0)
        {
            _inputEnded = true;
            return false;
        }

        _consumed += n;
        _z.Stream->NextIn = _z.InputBuffer;
        _z.Stream->AvailIn = (uint)n;
        return true;
    }

    // Returns false when it consumed padding instead of starting a member, so the caller refills.
    private bool StartMember()
    {
        ZStream* z = _z.Stream;
        if (MemberIndex >= 0 && (_inPadding || *z->NextIn == 0))
        {
            _inPadding = true;
            while (z->AvailIn > 0 && *z->NextIn == 0)
            {
                z->NextIn++;
                z->AvailIn--;
            }

            if (z->AvailIn == 0)
            {
                return false;
            }

            throw GzipErrors.Create("non-zero byte after the zero padding that follows the last gzip member", CompressedPosition);
        }

        MemberStartOffset = CompressedPosition;
        MemberIndex++;
        _memberOutput = 0;
        _inMember = true;
        return true;
    }

    private void EndMember()
    {
        _inMember = false;
        if (ZlibNative.InflateReset2(_z.Stream, ZlibNative.GzipWindowBits) != ZlibNative.Ok)
        {
            throw new InvalidOperationException("zlib inflateReset2 failed.");
        }

        MemberEnded?.Invoke(new GzipMember(MemberIndex, MemberStartOffset, CompressedPosition - MemberStartOffset, _memberOutput));
    }

    private int Finish()
    {
        if (_inMember)
        {
            throw GzipErrors.Truncated(_consumed, MemberStartOffset);
        }

        if (MemberIndex < 0)
        {
            throw GzipErrors.Empty();
        }

        _finished = true;
        return 0;
    }
}
