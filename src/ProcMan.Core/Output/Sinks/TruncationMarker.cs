using System.Globalization;
using System.Text;

namespace ProcMan.Output;

/// <summary>What replaces the end of a line too long to keep whole: <c>… [truncated 19.9 MB]</c>.</summary>
internal static class TruncationMarker
{
    public static byte[] For(long droppedBytes) => Encoding.UTF8.GetBytes($"… [truncated {Size(droppedBytes)}]");

    /// <summary>Decimal units, one decimal place: what a reader can take in at a glance.</summary>
    public static string Size(long bytes) => bytes switch
    {
        < 1000 => $"{bytes} bytes",
        < 1_000_000 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1e3:0.0} kB"),
        < 1_000_000_000 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1e6:0.0} MB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1e9:0.0} GB"),
    };
}
