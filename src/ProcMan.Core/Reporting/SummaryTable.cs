using System.Globalization;
using System.Text;
using ProcMan.Supervision;

namespace ProcMan.Reporting;

/// <summary>
/// The exit summary as a text table, one line per instance under a header, written as ProcMan's
/// own lines (so each gets the <c>procman | </c> prefix and sorts with ProcMan's events).
/// </summary>
internal static class SummaryTable
{
    private static readonly string[] Header = ["process", "pid", "state", "exit", "restarts", "run time", "lines", "bytes"];

    public static string Render(IReadOnlyList<InstanceSnapshot> instances)
    {
        var cells = instances.Select(Cells).Prepend(Header).ToList();
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

    /// <summary>One instance's row, unpadded, in the header's order.</summary>
    public static string[] Cells(InstanceSnapshot instance) =>
    [
        instance.Name,
        instance.Pid?.ToString(CultureInfo.InvariantCulture) ?? "-",
        instance.State.ToText(),
        instance.Signal?.ToString() ?? instance.ExitCode?.ToString(CultureInfo.InvariantCulture) ?? "-",
        instance.Restarts.ToString(CultureInfo.InvariantCulture),
        DurationText.Format(instance.RunTime),
        instance.Lines.ToString(CultureInfo.InvariantCulture),
        instance.Bytes.ToString(CultureInfo.InvariantCulture),
    ];
}
