using System.Text;
using ProcMan.Processes.Linux;

namespace ProcMan.Configuration;

/// <summary>
/// Reads a configuration or env file as text, refusing what cannot be one: a device, pipe or
/// directory (<c>/dev/zero</c> reports a length of 0 and never ends; a FIFO blocks the open),
/// or a file over <see cref="ConfigurationLimits.MaximumFileBytes"/>. The size is enforced
/// while reading, not trusted from the file's length.
/// </summary>
internal static class BoundedFileReader
{
    private const int RegularFile = 0x8000; // S_IFREG
    private const int Directory = 0x4000; // S_IFDIR

    /// <summary>What <see cref="Read"/> says of a path that names nothing.</summary>
    public const string NotFound = "not found";

    /// <summary>
    /// The text, or null with <paramref name="problem"/> saying why not, as a predicate to
    /// follow the path ("not found", "is a directory").
    /// </summary>
    public static string? Read(string path, out string? problem)
    {
        problem = null;
        if (path.Contains('\0'))
        {
            problem = "has a NUL character in its name";
            return null;
        }

        switch (LibC.FileTypeOf(path))
        {
            case null when !File.Exists(path) && !System.IO.Directory.Exists(path):
                problem = NotFound;
                return null;
            case Directory:
                problem = "is a directory, not a file";
                return null;
            case { } type when type != RegularFile:
                problem = "is not a regular file (a device, pipe or socket cannot be read as configuration)";
                return null;
        }

        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 1);
            var bytes = new MemoryStream();
            var buffer = new byte[81920];
            int read;
            while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
            {
                if (bytes.Length + read > ConfigurationLimits.MaximumFileBytes)
                {
                    problem = $"is larger than {ConfigurationLimits.MaximumFileBytes / (1024 * 1024)} MiB, the most ProcMan reads";
                    return null;
                }

                bytes.Write(buffer, 0, read);
            }

            // As File.ReadAllText: UTF-8 unless a byte order mark says otherwise.
            bytes.Position = 0;
            using var reader = new StreamReader(bytes, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            return reader.ReadToEnd();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            problem = $"cannot be read: {exception.Message}";
            return null;
        }
    }
}
