using FluentAssertions;
using ProcMan.Configuration;
using ProcMan.Tests.Infrastructure;
using Xunit;

namespace ProcMan.Tests.Unit.Configuration.Merging;

/// <summary>process-compose's merge rules for <c>-f a.yml -f b.yml</c>: the later file over the earlier.</summary>
public sealed class MergeRuleTests : IDisposable
{
    private readonly TestDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void A_later_file_replaces_a_setting_and_keeps_the_ones_it_does_not_write()
    {
        var a = _directory.Write("a.yml", "processes:\n  web:\n    command: serve --dev\n    description: the site\n    replicas: 2\n");
        var b = _directory.Write("b.yml", "processes:\n  web:\n    command: serve --prod\n");

        var web = Load.Files(a, b).Document.Processes.Single();

        web.Command.Should().Be("serve --prod");
        web.Description.Should().Be("the site");
        web.Replicas.Should().Be(2);
    }

    [Fact]
    public void A_later_false_or_zero_replaces_an_earlier_value()
    {
        var a = _directory.Write("a.yml", "processes:\n  web:\n    command: serve\n    disabled: true\n    replicas: 3\n  worker:\n    command: work\n");
        var b = _directory.Write("b.yml", "processes:\n  web:\n    disabled: false\n  worker:\n    replicas: 0\n");

        var processes = Load.Files(a, b).Document.Processes;

        processes.Single(p => p.Name == "web").Disabled.Should().BeFalse();
        processes.Single(p => p.Name == "worker").Replicas.Should().Be(0);
    }

    [Fact]
    public void A_later_list_replaces_an_earlier_list_whole()
    {
        var a = _directory.Write("a.yml", "processes:\n  web:\n    entrypoint: [serve, --port, '1']\n    success_exit_codes: [2, 3]\n");
        var b = _directory.Write("b.yml", "processes:\n  web:\n    entrypoint: [serve]\n    success_exit_codes: [4]\n");

        var web = Load.Files(a, b).Document.Processes.Single();

        web.Entrypoint.Should().Equal("serve");
        web.SuccessExitCodes.Should().Equal(4);
    }

    [Fact]
    public void Nested_settings_merge_key_by_key()
    {
        var a = _directory.Write("a.yml", "processes:\n  web:\n    command: serve\n    shutdown:\n      signal: 2\n      timeout_seconds: 7\n");
        var b = _directory.Write("b.yml", "processes:\n  web:\n    shutdown:\n      timeout_seconds: 9\n");

        var shutdown = Load.Files(a, b).Document.Processes.Single().Shutdown;

        shutdown.Timeout.Should().Be(TimeSpan.FromSeconds(9));
        shutdown.Signal.Should().Be(ProcMan.Processes.UnixSignal.Interrupt);
    }

    [Fact]
    public void Environment_lists_merge_by_variable_name_with_the_later_value_winning()
    {
        var a = _directory.Write("a.yml", "environment: [TOP=a, KEEP=top]\nprocesses:\n  web:\n    command: serve\n    environment:\n      - \"A=3\"\n      - \"C=8\"\n");
        var b = _directory.Write("b.yml", "environment: [TOP=b]\nprocesses:\n  web:\n    environment:\n      - \"A=4\"\n      - \"B=5\"\n");

        var web = Load.Files(a, b).Processes.Single().Environment;

        web.Should().Contain(new KeyValuePair<string, string>("A", "4"))
            .And.Contain(new KeyValuePair<string, string>("B", "5"))
            .And.Contain(new KeyValuePair<string, string>("C", "8"))
            .And.Contain(new KeyValuePair<string, string>("TOP", "b"))
            .And.Contain(new KeyValuePair<string, string>("KEEP", "top"));
    }

    [Fact]
    public void Environment_mappings_merge_by_variable_name()
    {
        var a = _directory.Write("a.yml", "processes:\n  web:\n    command: serve\n    environment:\n      A: '3'\n      C: '8'\n");
        var b = _directory.Write("b.yml", "processes:\n  web:\n    environment:\n      A: '4'\n");

        var web = Load.Files(a, b).Processes.Single().Environment;

        web["A"].Should().Be("4");
        web["C"].Should().Be("8");
    }

    [Fact]
    public void An_environment_written_as_a_list_in_one_file_and_a_mapping_in_the_other_is_an_error_naming_both()
    {
        var a = _directory.Write("a.yml", "processes:\n  web:\n    command: serve\n    environment:\n      - A=3\n");
        var b = _directory.Write("b.yml", "processes:\n  web:\n    environment:\n      A: '4'\n");

        var error = Load.ErrorsOf(a, b).Should().ContainSingle().Subject;

        error.File.Should().Be(b);
        (error.Line, error.Column).Should().Be((4, 7));
        error.Message.Should().Contain("cannot be merged").And.Contain($"{a}:5:7").And.Contain($"{b}:4:7");
    }

    [Fact]
    public void A_process_only_in_the_later_file_is_added_after_the_others()
    {
        var a = _directory.Write("a.yml", "processes:\n  web:\n    command: serve\n  worker:\n    command: work\n");
        var b = _directory.Write("b.yml", "processes:\n  cron:\n    command: tick\n  web:\n    command: serve --prod\n");

        var processes = Load.Files(a, b).Document.Processes;

        processes.Select(p => (p.Name, p.Index)).Should().Equal(("web", 0), ("worker", 1), ("cron", 2));
    }

    [Fact]
    public void A_later_file_may_add_only_top_level_settings_or_nothing()
    {
        var a = _directory.Write("a.yml", "processes:\n  web:\n    command: serve\n");
        var b = _directory.Write("b.yml", "shutdown_timeout_seconds: 3\n");
        var c = _directory.Write("c.yml", string.Empty);

        var document = Load.Files(a, b, c).Document;

        document.ShutdownTimeout.Should().Be(TimeSpan.FromSeconds(3));
        document.Files.Should().Equal(a, b, c);
    }

    [Fact]
    public void The_document_takes_its_name_and_dialect_from_the_first_file()
    {
        var a = _directory.Write("process-compose.yml", "processes:\n  web:\n    command: serve\n");
        var b = _directory.Write("local.yml", "processes:\n  web:\n    description: mine\n");

        var document = Load.Files(a, b).Document;

        document.File.Should().Be(a);
        document.Dialect.Should().Be(ConfigurationDialect.ProcessCompose);
    }

    [Fact]
    public void Relative_paths_in_a_later_file_start_from_the_first_files_directory()
    {
        _directory.CreateDirectory("app");
        var a = _directory.Write("a.yml", "processes:\n  web:\n    command: serve\n");
        var b = _directory.Write("overrides/b.yml", "processes:\n  web:\n    working_dir: app\n");

        Load.Files(a, b).Document.Processes.Single().WorkingDirectory.Should().Be(_directory.Combine("app"));
    }

    [Fact]
    public void A_classic_Procfile_cannot_be_merged()
    {
        var a = _directory.Write("a.yml", "processes:\n  web:\n    command: serve\n");
        var procfile = _directory.Write("Procfile", "web: serve\n");

        var error = Load.ErrorsOf(a, procfile).Should().ContainSingle().Subject;

        error.File.Should().Be(procfile);
        error.Message.Should().Contain("a classic Procfile cannot be merged");
    }

    [Fact]
    public void Each_process_knows_which_files_wrote_which_of_its_keys()
    {
        var a = _directory.Write("a.yml", "processes:\n  web:\n    command: serve\n    replicas: 2\n  worker:\n    command: work\n");
        var b = _directory.Write("b.yml", "processes:\n  web:\n    replicas: 3\n");

        var processes = Load.Files(a, b).Document.Processes;

        processes.Single(p => p.Name == "web").Sources.Should().BeEquivalentTo(
            [new ProcessSource(a, ["command", "replicas"]), new ProcessSource(b, ["replicas"])],
            options => options.WithStrictOrdering());
        processes.Single(p => p.Name == "worker").Sources.Should().BeEquivalentTo([new ProcessSource(a, ["command"])]);
    }

    [Fact]
    public void A_file_named_twice_is_an_error()
    {
        var a = _directory.Write("a.yml", "processes:\n  web:\n    command: serve\n");

        Load.ErrorsOf(a, a).Should().ContainSingle().Which.Message.Should().Contain("named twice");
    }
}
