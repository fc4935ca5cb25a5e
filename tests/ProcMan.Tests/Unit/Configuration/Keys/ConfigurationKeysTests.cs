using FluentAssertions;
using ProcMan.Configuration;
using ProcMan.Tests.Infrastructure;
using Xunit;

namespace ProcMan.Tests.Unit.Configuration.Keys;

/// <summary>The key registry and the loader agree: what it accepts loads, what it refuses says why, nothing else loads.</summary>
public sealed class ConfigurationKeysTests : IDisposable
{
    private readonly TestDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    public static TheoryData<string, string> ImplementedKeys() =>
        Data(ConfigurationKeys.All
            .Where(key => key.Status == KeyStatus.Implemented)
            .Select(key => (key.Section, key.Name)));

    public static TheoryData<string, string> IgnoredKeys() =>
        Data(ConfigurationKeys.All.Where(key => key.Status == KeyStatus.Ignored).Select(key => (key.Section, key.Name)));

    public static TheoryData<string, string> RefusedKeys() =>
        Data(ConfigurationKeys.All.Where(key => key.Status is KeyStatus.Refused or KeyStatus.NotYet).Select(key => (key.Section, key.Name)));

    public static TheoryData<string> Sections() => new(Enum.GetValues<KeySection>()
        .Select(section => section.ToString()));

    [Theory]
    [MemberData(nameof(ImplementedKeys))]
    public void Every_key_the_registry_implements_is_read_by_the_loader(string sectionName, string name)
    {
        var section = Enum.Parse<KeySection>(sectionName);
        var errors = KeyFixtures.ErrorsOf(_directory, section, name);

        // A value of the wrong type is fine here: it shows the key was read.
        errors.Select(error => error.Message).Should().NotContain(message =>
            message.Contains($"unknown key `{name}`", StringComparison.Ordinal) || message.Contains("not supported", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(IgnoredKeys))]
    public void A_key_without_meaning_for_procman_loads_and_does_nothing(string sectionName, string name)
    {
        var section = Enum.Parse<KeySection>(sectionName);
        KeyFixtures.ErrorsOf(_directory, section, name).Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(RefusedKeys))]
    public void A_key_procman_does_not_support_says_why_at_its_position(string sectionName, string name)
    {
        var section = Enum.Parse<KeySection>(sectionName);
        var (text, line) = KeyFixtures.FileWith(section, name, "true");
        var key = ConfigurationKeys.Find(section, name)!;

        var error = KeyFixtures.ErrorsOf(_directory.Write("procfile.yml", text)).Should().ContainSingle().Subject;

        error.Message.Should().StartWith($"`{name}` ").And.EndWith(key.Meaning)
            .And.Contain(key.Status == KeyStatus.NotYet ? " is not supported yet: " : " is not supported: ");
        error.Line.Should().Be(line);
    }

    [Theory]
    [MemberData(nameof(Sections))]
    public void A_key_outside_the_registry_is_unknown_in_every_section(string sectionName)
    {
        var section = Enum.Parse<KeySection>(sectionName);
        var error = KeyFixtures.ErrorsOf(_directory, section, "colour").Should().ContainSingle().Subject;

        error.Message.Should().StartWith("unknown key `colour` ");
        error.Line.Should().Be(KeyFixtures.FileWith(section, "colour").Line);
    }

    [Theory]
    [MemberData(nameof(Sections))]
    public void An_extension_key_loads_in_every_section(string sectionName)
    {
        var section = Enum.Parse<KeySection>(sectionName);
        KeyFixtures.ErrorsOf(_directory, section, "x-owner", "{team: web, pager: [a, b]}").Should().BeEmpty();
    }

    [Fact]
    public void Every_key_the_loader_reads_is_in_the_registry()
    {
        // Every section is present, so every reader runs and checks its reads against the registry.
        var path = _directory.Write("procfile.yml", """
            version: "1"
            environment: {A: b}
            shutdown_timeout_seconds: 3
            log_location: all.log
            processes:
              db:
                command: serve
              web:
                command: run
                working_dir: .
                environment: [A=b]
                replicas: 1
                disabled: false
                description: the site
                ready_log_line: listening
                success_exit_codes: [3]
                log_location: web.log
                depends_on:
                  db:
                    condition: process_started
                availability:
                  restart: on_failure
                  backoff_seconds: 2
                  max_restarts: 3
                  exit_on_end: false
                readiness_probe:
                  exec:
                    command: "true"
                  period_seconds: 1
                liveness_probe:
                  http_get:
                    port: 8080
                    path: /health
                shutdown:
                  signal: INT
                  timeout_seconds: 2
            """);

        var loading = () => Load.File(path);

        loading.Should().NotThrow();
    }

    [Fact]
    public void The_registry_lists_each_key_once_per_section() =>
        ConfigurationKeys.All.GroupBy(key => (key.Section, key.Name)).Should().OnlyContain(group => group.Count() == 1);

    [Fact]
    public void Every_key_that_is_not_implemented_gives_its_reason() =>
        ConfigurationKeys.All.Where(key => key.Status != KeyStatus.Implemented)
            .Should().OnlyContain(key => key.Meaning.Length > 0 && key.Default == null);

    private static TheoryData<string, string> Data(IEnumerable<(KeySection Section, string Name)> keys)
    {
        var data = new TheoryData<string, string>();
        foreach (var (section, name) in keys)
        {
            data.Add(section.ToString(), name);
        }

        return data;
    }
}
