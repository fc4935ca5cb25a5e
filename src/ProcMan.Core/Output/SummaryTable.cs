using System.Globalization;
using System.Text;

namespace ProcMan.Output;

/// <summary>
/// The exit summary as a text table, one line per instance under a header, written as ProcMan's
/// own lines (so each gets the <c>procman | </c> prefix and sorts with ProcMan's events).
/// </summary>
public static class SummaryTable
{
    private static readonly string[] Header = ["process", "pid", "state", "exit", "restarts", "run time", "lines", "bytes"];

    public static string Render(IReadOnlyList<SummaryRow> rows)
    {
        var cells = rows.Select(row => new[]
        {
            row.Name,
            row.Pid?.ToString(CultureInfo.InvariantCulture) ?? "-",
            row.State,
            row.Signal ?? row.ExitCode?.ToString(CultureInfo.InvariantCulture) ?? "-",
            row.Restarts.ToString(CultureInfo.InvariantCulture),
            Duration(row.RunTime),
            row.Lines.ToString(CultureInfo.InvariantCulture),
            row.Bytes.ToString(CultureInfo.InvariantCulture),
        }).Prepend(Header).ToList();
        var widths = Enumerable.Range(0, Header.Length).Select(column => cells.Max(line => line[column].Length)).ToArray();

        var text = new StringBuilder();
        foreach (var line in cells)
        {
            for (var column = 0; column < line.Length; column++)
            {
                // Names and words to the left, numbers to the right, as a reader scans them.
                var numeric = column is 1 or 4 or 5 or 6 or 7;
                var cell = numeric ? line[column].PadLeft(widths[column]) : line[column].PadRight(widths[column]);
                text.Append(cell).Append(column < line.Length - 1 ? "  " : "");
            }
            text.Append('\n');
        }
        return text.ToString();
    }

    /// <summary>0.042s, 12.5s, 3m07s, 2h05m: precise when short, readable when long.</summary>
    public static string Duration(TimeSpan time) => time.TotalSeconds switch
    {
        < 60 => time.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture) + "s",
        < 3600 => $"{(int)time.TotalMinutes}m{time.Seconds:00}s",
        _ => $"{(int)time.TotalHours}h{time.Minutes:00}m",
    };
}
