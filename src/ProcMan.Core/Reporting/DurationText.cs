using System.Globalization;

namespace ProcMan.Reporting;

/// <summary>How every table shows a duration (the exit summary's run time, ps's uptime).</summary>
internal static class DurationText
{
    /// <summary>0.042s, 12.5s, 3m07s, 2h05m: precise when short, readable when long.</summary>
    public static string Format(TimeSpan time) => time.TotalSeconds switch
    {
        < 60 => time.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture) + "s",
        < 3600 => $"{(int)time.TotalMinutes}m{time.Seconds:00}s",
        _ => $"{(int)time.TotalHours}h{time.Minutes:00}m",
    };
}
