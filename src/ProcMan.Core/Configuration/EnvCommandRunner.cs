using System.Text;
using ProcMan.Processes;

namespace ProcMan.Configuration;

/// <summary>
/// Runs the top-level <c>env_cmds</c> once, before anything starts: each command through the
/// file's shell, in the file's directory, with ProcMan's environment; its trimmed stdout becomes
/// the variable's value. A command that fails, or is not done within <see cref="Timeout"/> (it is
/// then killed with its group), is an error at its value's position: ProcMan does not start
/// processes with a variable missing. Values are never printed: they may be secrets.
/// </summary>
internal sealed class EnvCommandRunner(IProcessLauncher launcher)
{
    /// <summary>How long one command may take; process-compose asks for commands of about 2 s.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    /// <summary>The most of a command's stdout kept as a value; a variable is not a file.</summary>
    private const int MaximumValueBytes = 64 * 1024;

    public TimeSpan Timeout { get; init; } = DefaultTimeout;

    /// <param name="commands">Each variable's name with its command as the value, as written.</param>
    public IReadOnlyList<EnvironmentVariable> Run(
        IReadOnlyList<EnvironmentVariable> commands, ShellSettings shell, string directory, IReadOnlyDictionary<string, string> environment, ErrorCollector errors)
    {
        var values = new List<EnvironmentVariable>();
        foreach (var command in commands)
        {
            var (value, problem) = RunOne(command, shell, directory, environment);
            if (problem is not null)
            {
                var message = $"`env_cmds.{command.Name}`: `{command.Value}` {problem}";
                if (command.At is { } at)
                    errors.Add(at, message);
                else
                    errors.Add(directory, message);
            }
            else if (value is not null)
            {
                values.Add(new EnvironmentVariable(command.Name, value) { At = command.At });
            }
        }
        return values;
    }

    private (string? Value, string? Problem) RunOne(EnvironmentVariable command, ShellSettings shell, string directory, IReadOnlyDictionary<string, string> environment)
    {
        IChildProcess child;
        try
        {
            child = launcher.Start(new ProcessSpec($"env_cmds.{command.Name}", shell.Arguments(command.Value), directory, environment));
        }
        catch (ProcessStartException exception)
        {
            return (null, $"could not be started: {exception.Message}");
        }

        using (child)
        {
            var stdout = ReadBoundedAsync(child.StandardOutput, MaximumValueBytes);
            var stderr = ReadBoundedAsync(child.StandardError, 4096);
            if (!Task.WhenAll(child.Exited, stdout, stderr).Wait(Timeout))
            {
                child.KillEverything();
                return (null, $"did not finish within {Timeout.TotalSeconds:0.###} s; it was killed");
            }

            var status = child.Exited.Result;
            if (!status.IsSuccess)
            {
                var firstLine = Encoding.UTF8.GetString(stderr.Result).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
                return (null, firstLine is null ? status.ToString() : $"{status}: {firstLine}");
            }
            return (Encoding.UTF8.GetString(stdout.Result).Trim(), null);
        }
    }

    /// <summary>Reads the stream to its end, keeping at most <paramref name="limit"/> bytes.</summary>
    private static async Task<byte[]> ReadBoundedAsync(Stream stream, int limit)
    {
        var kept = new MemoryStream();
        var buffer = new byte[8192];
        int read;
        while ((read = await stream.ReadAsync(buffer).ConfigureAwait(false)) > 0)
            kept.Write(buffer, 0, Math.Min(read, Math.Max(0, limit - (int)kept.Length)));
        return kept.ToArray();
    }
}
