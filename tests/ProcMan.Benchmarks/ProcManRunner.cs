using System.Diagnostics;

namespace ProcMan.Benchmarks;

/// <summary>Writes a procfile.yml and starts <c>procman up</c> on it.</summary>
internal sealed class ProcManRunner(string executable)
{
    /// <summary>
    /// Starts procman on <paramref name="processes"/> (name, shell command). Its stdout goes to
    /// <paramref name="stdoutFile"/>, or to a pipe we read when that is null. The shell execs
    /// procman, so the returned process's id is procman's own.
    /// </summary>
    public Process Start(string directory, IEnumerable<(string Name, string Command)> processes, string? stdoutFile = null, string extraArguments = "")
    {
        var procfile = Path.Combine(directory, "procfile.yml");
        File.WriteAllLines(procfile, ["processes:", .. processes.SelectMany(p => new[] { $"  {p.Name}:", $"    command: {YamlQuote(p.Command)}" })]);
        var redirect = stdoutFile is null ? "" : $" > {Shell.Quote(stdoutFile)}";
        var script = $"exec {Shell.Quote(executable)} up {Shell.Quote(procfile)} --color never {extraArguments}{redirect}";
        return Shell.Start(script, directory, pipeStdout: stdoutFile is null);
    }

    /// <summary>A YAML single-quoted scalar: nothing is special in it but the quote itself.</summary>
    private static string YamlQuote(string text) => "'" + text.Replace("'", "''") + "'";
}
