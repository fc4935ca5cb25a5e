using System.Globalization;
using ProcMan.Configuration;
using ProcMan.Control;

namespace ProcMan.Reporting;

/// <summary><c>procman ps</c> as a text table: the rows the control socket sent, one line each under a header.</summary>
internal static class PsTable
{
    private static readonly string[] Header = ["NAME", "STATE", "PID", "UPTIME", "RESTARTS", "EXIT", "READY", "LINES", "BYTES"];

    /// <summary>The table; a NAMESPACE column after NAME only when some process is outside <c>default</c>, which most files never leave.</summary>
    public static string Render(IReadOnlyList<ProcessStatus> rows)
    {
        var withNamespace = rows.Any(row => row.Namespace != ProcessDefinition.DefaultNamespace);
        var cells = rows.Select(row => withNamespace ? [row.Name, row.Namespace, .. Cells(row)[1..]] : Cells(row))
            .Prepend(withNamespace ? [Header[0], "NAMESPACE", .. Header[1..]] : Header)
            .ToList();
        var widths = Enumerable.Range(0, cells[0].Length).Select(column => cells.Max(row => row[column].Length)).ToArray();
        return string.Concat(cells.Select(row => string.Join("  ", row.Select((cell, column) => cell.PadRight(widths[column]))).TrimEnd() + "\n"));
    }

    /// <summary>One row, unpadded, in the header's order.</summary>
    public static string[] Cells(ProcessStatus row) =>
    [
        row.Name,
        row.State,
        row.Pid?.ToString(CultureInfo.InvariantCulture) ?? "-",
        row.UptimeSeconds is { } up ? DurationText.Format(TimeSpan.FromSeconds(up)) : "-",
        row.Restarts.ToString(CultureInfo.InvariantCulture),
        row.LastExitCode?.ToString(CultureInfo.InvariantCulture) ?? "-",
        row.Ready ? "yes" : "no",
        row.Lines.ToString(CultureInfo.InvariantCulture),
        row.Bytes.ToString(CultureInfo.InvariantCulture),
    ];
}
