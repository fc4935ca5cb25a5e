using ProcMan.Configuration;

namespace ProcMan.Output;

/// <summary>
/// One <c>log_location</c> file, opened for appending: its own buffer and text format (no
/// colours, a date-and-time stamp unless its <c>log_configuration</c> says otherwise), rolled over
/// by size if asked. After a failed write it is given up, not retried.
/// </summary>
internal sealed class LogFile : IDisposable
{
    private readonly TextLineFormat _format;
    private readonly LogSettings _settings;
    private readonly LogRotator? _rotator;
    private FileStream _stream;
    private BufferedOutput _output;

    // no_color: the lines are stripped in a copy, reused, so that the console keeps its colours.
    private byte[] _stripped = [];

    private LogFile(string path, FileStream stream, TextLineFormat format, LogSettings settings, LogRotator? rotator)
    {
        Path = path;
        _stream = stream;
        _output = new BufferedOutput(stream);
        _format = format;
        _settings = settings;
        _rotator = rotator;
    }

    /// <summary>The absolute path.</summary>
    public string Path { get; }

    /// <summary>Writing failed once; nothing more is written.</summary>
    public bool Failed { get; private set; }

    /// <summary>The file's size, what is still buffered included: counted, not asked of the file system.</summary>
    private long Size => _stream.Position + _output.Buffered;

    /// <summary>Opens (creating it and its directory if need be) <paramref name="path"/> for appending; throws <see cref="IOException"/>.</summary>
    public static LogFile Open(string path, LinePrefixer prefixer, LogSettings? settings = null, TimeProvider? time = null)
    {
        settings ??= LogSettings.Default;
        var rotator = settings.Rotation is { } rotation ? new LogRotator(path, rotation, time ?? TimeProvider.System) : null;
        return new LogFile(path, OpenStream(path), new TextLineFormat(prefixer), settings, rotator);
    }

    /// <summary>Writes the chunk; returns the error the first time writing fails, else null.</summary>
    public string? Write(in OutputChunk chunk)
    {
        if (Failed)
            return null;
        try
        {
            // A new file begins with a whole line: a long line's pieces stay together.
            if (_rotator is { } rotator && chunk.StartsLine && rotator.IsDue(Size, chunk.Length))
                RollOver(rotator);
            if (_settings.NoColor && AnsiEscapes.Any(chunk.Lines))
                _format.Write(Stripped(chunk), _output);
            else
                _format.Write(chunk, _output);
            if (_settings.FlushEachLine && chunk.EndsLine)
                _output.Flush();
            return null;
        }
        catch (IOException exception)
        {
            return GiveUp(exception);
        }
        catch (UnauthorizedAccessException exception)
        {
            return GiveUp(new IOException(exception.Message, exception));
        }
    }

    /// <summary>Sends what is buffered to the file; returns the error the first time writing fails, else null.</summary>
    public string? Flush()
    {
        if (Failed)
            return null;
        try
        {
            _output.Flush();
            return null;
        }
        catch (IOException exception)
        {
            return GiveUp(exception);
        }
    }

    public void Dispose()
    {
        Flush();
        _stream.Dispose();
        try
        {
            _rotator?.Finish();
        }
        catch (AggregateException)
        {
            // Compression and clean-up report nothing: their failures lose no line.
        }
    }

    private static FileStream OpenStream(string path)
    {
        try
        {
            if (System.IO.Path.GetDirectoryName(path) is { Length: > 0 } directory)
                Directory.CreateDirectory(directory);
            // Unbuffered: the drain's own buffer batches the writes, and a flush must reach the file.
            return new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete, bufferSize: 0);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw new IOException($"cannot open the log file {path}: {exception.Message}", exception);
        }
    }

    private void RollOver(LogRotator rotator)
    {
        _output.Flush();
        _stream.Dispose();
        rotator.Rotate();
        _stream = OpenStream(Path);
        _output = new BufferedOutput(_stream);
    }

    private OutputChunk Stripped(in OutputChunk chunk)
    {
        if (_stripped.Length < chunk.Length)
            _stripped = new byte[Math.Max(chunk.Length, 4096)];
        chunk.Lines.CopyTo(_stripped);
        var length = AnsiEscapes.Strip(_stripped.AsSpan(0, chunk.Length));
        // The copy is this file's own: not pooled, never released.
        return chunk with { Buffer = _stripped, Length = length, Pooled = false };
    }

    private string GiveUp(IOException exception)
    {
        Failed = true;
        _output.Discard();
        return $"cannot write the log file {Path} ({exception.Message}); no longer writing it";
    }
}
