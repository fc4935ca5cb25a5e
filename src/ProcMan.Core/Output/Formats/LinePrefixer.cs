using System.Globalization;
using System.Text;

namespace ProcMan.Output;

/// <summary>
/// Writes the decoration before each line: <c>[time ]name | </c>, the name padded to the
/// longest name in use, optionally coloured. Prefix bytes are built once per source.
/// </summary>
internal sealed class LinePrefixer
{
    // Distinct, readable on dark and light terminals; red is left for nobody, as it reads as an error.
    private static readonly string[] Palette = ["36", "33", "32", "35", "34", "96", "93", "92", "95", "94"];
    private const string ProcManColor = "1";
    private const string TimestampColor = "2";
    private const string Reset = "\e[0m";

    private readonly OutputFormat _format;
    private readonly int _nameWidth;
    private readonly Dictionary<OutputSource, byte[]> _prefixes = [];

    public LinePrefixer(OutputFormat format, IEnumerable<string> names)
    {
        _format = format;
        _nameWidth = names.Append(OutputSource.ProcManName).Max(name => name.Length);
    }

    public OutputFormat Format => _format;

    /// <summary>Whether lines go out exactly as they came, so a whole chunk can be written at once.</summary>
    public bool IsVerbatim => _format.Raw || (!_format.Names && !_format.Timestamps);

    /// <summary>The bytes to write before every line of <paramref name="source"/>, without the timestamp.</summary>
    public byte[] PrefixOf(OutputSource source)
    {
        if (!_prefixes.TryGetValue(source, out var prefix))
        {
            if (!_format.Names)
                return _prefixes[source] = [];
            var name = source.Name.PadRight(_nameWidth) + " |";
            var text = _format.Colors ? $"\e[{ColorOf(source)}m{name}{Reset} " : name + " ";
            _prefixes[source] = prefix = Encoding.UTF8.GetBytes(text);
        }
        return prefix;
    }

    /// <summary>The timestamp to write before the prefix, or nothing.</summary>
    public int FormatTimestamp(DateTimeOffset time, Span<byte> destination)
    {
        if (!_format.Timestamps)
            return 0;
        var written = 0;
        if (_format.Colors)
            written += Encoding.ASCII.GetBytes($"\e[{TimestampColor}m", destination);
        time.LocalDateTime.TryFormat(destination[written..], out var length, _format.TimestampPattern, CultureInfo.InvariantCulture);
        written += length;
        if (_format.Colors)
            written += Encoding.ASCII.GetBytes(Reset, destination[written..]);
        destination[written++] = (byte)' ';
        return written;
    }

    private static string ColorOf(OutputSource source) =>
        source.Index < 0 ? ProcManColor : Palette[source.Index % Palette.Length];
}
