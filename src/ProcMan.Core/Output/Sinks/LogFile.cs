namespace ProcMan.Output;

/// <summary>
/// One <c>log_location</c> file, opened for appending: its own buffer and text format (no
/// colours, a date-and-time stamp). After a failed write it is given up, not retried.
/// </summary>
internal sealed class LogFile : IDisposable
{
    private readonly FileStream _stream;
    private readonly BufferedOutput _output;
    private readonly TextLineFormat _format;

    private LogFile(string path, FileStream stream, TextLineFormat format)
    {
        Path = path;
        _stream = stream;
        _output = new BufferedOutput(stream);
        _format = format;
    }

    /// <summary>The absolute path.</summary>
    public string Path { get; }

    /// <summary>Writing failed once; nothing more is written.</summary>
    public bool Failed { get; private set; }

    /// <summary>Opens (creating it and its directory if need be) <paramref name="path"/> for appending; throws <see cref="IOException"/>.</summary>
    public static LogFile Open(string path, LinePrefixer prefixer)
    {
        try
        {
            if (System.IO.Path.GetDirectoryName(path) is { Length: > 0 } directory)
                Directory.CreateDirectory(directory);
            // Unbuffered: the drain's own buffer batches the writes, and a flush must reach the file.
            var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete, bufferSize: 0);
            return new LogFile(path, stream, new TextLineFormat(prefixer));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw new IOException($"cannot open the log file {path}: {exception.Message}", exception);
        }
    }

    /// <summary>Writes the chunk; returns the error the first time writing fails, else null.</summary>
    public string? Write(in OutputChunk chunk)
    {
        if (Failed)
            return null;
        try
        {
            _format.Write(chunk, _output);
            return null;
        }
        catch (IOException exception)
        {
            return GiveUp(exception);
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
    }

    private string GiveUp(IOException exception)
    {
        Failed = true;
        _output.Discard();
        return $"cannot write the log file {Path} ({exception.Message}); no longer writing it";
    }
}
