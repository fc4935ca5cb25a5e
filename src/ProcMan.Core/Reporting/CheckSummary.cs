using System.Globalization;
using System.Text;
using ProcMan.Configuration;

namespace ProcMan.Reporting;

/// <summary>
/// Renders what <c>procman check</c> prints: for each process in file order, how it would run.
/// Variable names are listed, never values, because env files hold secrets and check output
/// ends up in CI logs and bug reports.
/// </summary>
internal static class CheckSummary
{
    private const string Indent = "  ";

    public static string Render(LoadedConfiguration configuration)
    {
        var document = configuration.Document;
        var text = new StringBuilder();
        text.Append(document.File).Append(": ")
            .Append(Count(document.Processes.Count, "process", "processes")).Append(", ")
            .Append(Count(configuration.Processes.Count, "instance", "instances")).Append(" to start")
            .Append('\n');
        if (document.Files.Count > 1)
        {
            text.Append("merged from ").Append(string.Join(", ", document.Files)).Append(" (each over the ones before)\n");
        }

        if (document.Dialect == ConfigurationDialect.ProcessCompose)
        {
            text.Append("read as a process-compose file (its defaults; --dialect procman for ProcMan's)\n");
        }

        if (document.ShutdownTimeout is { } shutdownTimeout)
        {
            text.Append("shutdown timeout ").Append(Seconds(shutdownTimeout)).Append('\n');
        }

        if (document.LogLocation is { } logLocation)
        {
            text.Append("log file ").Append(logLocation).Append('\n');
        }

        if (document.EnvCommands.Count > 0)
        {
            text.Append("env_cmds ").AppendJoin(", ", document.EnvCommands.Select(c => c.Name)).Append(" (run by up and run, not by check)\n");
        }

        foreach (var plan in configuration.Plans)
        {
            text.Append('\n').Append(plan.Definition.Name).Append(" (").Append(Status(plan)).Append(")\n");
            var rows = new List<(string Label, string Value)>();
            if (plan.Definition.Description is { } description)
            {
                rows.Add(("description", description));
            }

            if (plan.Definition.Sources.Count > 0)
            {
                // Which file wrote which of the process's keys: where to look to change a setting.
                rows.Add(("from", string.Join("; ", plan.Definition.Sources.Select(source => $"{source.File} ({(source.Keys.Count == 0 ? "nothing" : string.Join(", ", source.Keys))})"))));
            }

            rows.Add((plan.Definition.Entrypoint is null ? "command" : "entrypoint", plan.Definition.DisplayCommand));
            rows.Add(("directory", plan.Definition.WorkingDirectory));
            rows.Add(("port", plan.Instances.Count == 0 ? "-" : string.Join(", ", plan.Instances.Select(i => i.Environment["PORT"]))));
            rows.Add(("environment", plan.ConfiguredVariables.Count == 0 ? "-" : string.Join(", ", plan.ConfiguredVariables)));
            rows.AddRange(LifecycleRows(plan.Definition));

            var width = rows.Max(row => row.Label.Length);
            foreach (var (label, value) in rows)
            {
                text.Append(Indent).Append(label.PadRight(width)).Append("  ").Append(value).Append('\n');
            }
        }

        return text.ToString();
    }

    /// <summary>Only what differs from the defaults, so a plain Procfile's summary stays as short as before.</summary>
    private static IEnumerable<(string Label, string Value)> LifecycleRows(ProcessDefinition process)
    {
        if (process.DependsOn.Count > 0)
        {
            yield return ("depends on", string.Join(", ", process.DependsOn.Select(d => $"{d.WrittenTarget} ({YamlDependsOnReader.NameOf(d.Condition)})")));
        }

        if (process.ReadyLogLine is { } line)
        {
            yield return ("ready line", $"\"{line}\"");
        }

        if (process.ReadinessProbe is { } readiness)
        {
            yield return ("readiness", Describe(readiness));
        }

        if (process.LivenessProbe is { } liveness)
        {
            yield return ("liveness", Describe(liveness));
        }

        // Only a process that waits on another can be skipped: for the others, exit_on_skipped says nothing.
        var availability = process.Availability with
        {
            ExitOnSkipped = process.Availability.ExitOnSkipped || process.DependsOn.Count == 0,
            ExitOnSkippedWritten = false,
        };
        if (availability != Availability.Default)
        {
            yield return ("availability", Describe(availability));
        }

        if (process.SuccessExitCodes.Count > 0)
        {
            yield return ("success codes", string.Join(", ", process.SuccessExitCodes.Prepend(0).Distinct()));
        }

        if (process.IsDaemon)
        {
            yield return ("daemon", $"launched by its command, which should exit within {Seconds(process.LaunchTimeout)}; runs until stopped");
        }

        if (process.Shutdown != ShutdownSettings.Default)
        {
            yield return ("shutdown", Describe(process.Shutdown));
        }

        if (process.LogLocation is { } logLocation)
        {
            yield return ("log file", logLocation);
        }
    }

    private static string Describe(Probe probe)
    {
        var check = probe.Check switch
        {
            ExecProbeCheck exec => $"exec `{exec.Command}`",
            HttpProbeCheck http => $"GET {http.Text}",
            var other => other.ToString(),
        };
        var parts = new List<string> { check, $"every {Seconds(probe.Period)}" };
        AddIfNot(parts, probe.InitialDelay, Probe.DefaultInitialDelay, $"after {Seconds(probe.InitialDelay)}");
        AddIfNot(parts, probe.Timeout, Probe.DefaultTimeout, $"timeout {Seconds(probe.Timeout)}");
        AddIfNot(parts, probe.SuccessThreshold, Probe.DefaultSuccessThreshold, $"success after {probe.SuccessThreshold}");
        AddIfNot(parts, probe.FailureThreshold, Probe.DefaultFailureThreshold, $"failure after {probe.FailureThreshold}");
        return string.Join(", ", parts);
    }

    private static string Describe(Availability availability)
    {
        var parts = new List<string> { $"restart {YamlAvailabilityReader.NameOf(availability.Restart)}" };
        if (availability.Restart is not (RestartPolicy.No or RestartPolicy.ExitOnFailure))
        {
            AddIfNot(parts, availability.Backoff, Availability.DefaultBackoff, $"backoff {Seconds(availability.Backoff)}");
            parts.Add(availability.MaxRestarts == 0 ? "unlimited" : $"at most {Count(availability.MaxRestarts, "restart", "restarts")}");
        }

        if (!availability.ExitOnEnd)
        {
            parts.Add("its end does not stop the others");
        }

        if (!availability.ExitOnSkipped)
        {
            parts.Add("a skip does not stop the others");
        }

        if (!availability.FailureStopsAll)
        {
            parts.Add("a failure does not stop the others");
        }

        return string.Join(", ", parts);
    }

    private static string Describe(ShutdownSettings shutdown)
    {
        var parts = new List<string> { shutdown.Command is { } command ? $"run `{command}`" : shutdown.Signal.ToString() };
        if (shutdown.ParentOnly && shutdown.Command is null)
        {
            parts.Add("to the parent process only");
        }

        if (shutdown.Timeout is { } timeout)
        {
            parts.Add($"timeout {Seconds(timeout)}");
        }

        return string.Join(", ", parts);
    }

    private static void AddIfNot<T>(List<string> parts, T value, T usual, string text)
    {
        if (!EqualityComparer<T>.Default.Equals(value, usual))
        {
            parts.Add(text);
        }
    }

    private static string Seconds(TimeSpan duration) => duration.TotalSeconds.ToString(CultureInfo.InvariantCulture) + "s";

    private static string Status(ProcessPlan plan) => plan switch
    {
        { Definition.Disabled: true } => "disabled",
        { Replicas: 0 } => "0 replicas",
        { Instances.Count: 0 } => $"{Count(plan.Replicas, "replica", "replicas")}, not selected",
        _ => Count(plan.Replicas, "replica", "replicas"),
    };

    private static string Count(int count, string one, string many) => $"{count} {(count == 1 ? one : many)}";
}
