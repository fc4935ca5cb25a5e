using System.Text;
using System.Text.RegularExpressions;
using FluentAssertions;
using ProcMan.Configuration;
using Xunit;

namespace ProcMan.Tests.Unit.Configuration.Keys;

/// <summary>
/// The README documents the key registry, and cannot drift from it: every implemented key of the
/// top level and of a process has a row in the key table, no row documents a key ProcMan refuses,
/// and the table of keys accepted without effect, refused or not supported yet is the registry's.
/// </summary>
public sealed partial class ReadmeKeyTablesTests
{
    private const string KeyTableHeader = "| key | type | default | meaning | also in process-compose |";

    private static readonly string Readme = File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md"));

    [Fact]
    public void Every_implemented_key_of_the_top_level_and_of_a_process_has_a_row_in_the_key_table()
    {
        var documented = KeyTableKeys();
        var implemented = ConfigurationKeys.All
            .Where(key => key.Status == KeyStatus.Implemented && key.Section is KeySection.TopLevel or KeySection.Process)
            .Select(key => key.Section == KeySection.Process ? $"processes.N.{key.Name}" : key.Name);

        implemented.Where(key => !documented.Contains(key)).Should().BeEmpty("the README's key table documents every key ProcMan reads");
    }

    [Fact]
    public void No_row_of_the_key_table_documents_a_key_procman_refuses()
    {
        var refused = ConfigurationKeys.All
            .Where(key => key.Status is KeyStatus.Refused or KeyStatus.NotYet && key.Section is KeySection.TopLevel or KeySection.Process)
            .Select(key => key.Section == KeySection.Process ? $"processes.N.{key.Name}" : key.Name);

        refused.Intersect(KeyTableKeys()).Should().BeEmpty();
    }

    [Fact]
    public void The_table_of_keys_without_effect_or_refused_is_the_registry_s()
    {
        var expected = OtherKeysTable();

        Readme.Should().Contain(expected, "README.md must hold this table as the registry renders it:\n" + expected);
    }

    /// <summary>The first column's keys, as written (<c>processes.N.command</c>, <c>log_level</c>).</summary>
    private static HashSet<string> KeyTableKeys()
    {
        var start = Readme.IndexOf(KeyTableHeader, StringComparison.Ordinal);
        start.Should().BeGreaterThan(0, "the README has the key table");
        var rows = Readme[start..].Split('\n').Skip(2).TakeWhile(line => line.StartsWith('|'));
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var names = InBackticks().Matches(row.Split('|')[1]).Select(match => match.Groups[1].Value).ToList();
            // "`processes.N.readiness_probe`, `liveness_probe`": a later name shares the first's place.
            var prefix = names.Count > 0 && names[0].StartsWith("processes.N.", StringComparison.Ordinal) ? "processes.N." : "";
            foreach (var name in names)
            {
                keys.Add(name.StartsWith(prefix, StringComparison.Ordinal) ? name : prefix + name);
            }
        }

        return keys;
    }

    private static string OtherKeysTable()
    {
        var table = new StringBuilder("| key | ProcMan | why |\n|---|---|---|\n");
        foreach (var key in ConfigurationKeys.All.Where(key => key.Status != KeyStatus.Implemented))
        {
            var status = key.Status switch
            {
                KeyStatus.Ignored => "accepted, no effect",
                KeyStatus.NotYet => "not supported yet",
                _ => "refused",
            };
            table.Append($"| `{key.Path}` | {status} | {key.Meaning.Replace("|", "\\|", StringComparison.Ordinal)} |\n");
        }

        return table.ToString();
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ProcMan.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"no ProcMan.sln above {AppContext.BaseDirectory}");
    }

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex InBackticks();
}
