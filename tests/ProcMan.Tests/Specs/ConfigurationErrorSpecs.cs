using FluentAssertions;
using ProcMan.Tests.Infrastructure;
using Xunit;

namespace ProcMan.Tests.Specs;

public sealed class ConfigurationErrorSpecs : IDisposable
{
    private readonly TestDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    public static TheoryData<string, string, string> BadFiles => new()
    {
        { "processes:\n  web:\n    command: [unclosed\n", "procfile.yml:4:1: ", "" },
        { "processes:\n  web:\n    command: echo hi\n    comand: echo typo\n", "procfile.yml:4:5: ", "did you mean `command`?" },
        { "processes: {}\n", "procfile.yml:1:", "" },
        { "processes:\n  procman:\n    command: echo hi\n", "procfile.yml:2:3: ", "procman" },
        { "processes:\n  web:\n    command: echo hi\n  web:\n    command: echo again\n", "procfile.yml:4:3: ", "web" },
    };

    [Theory(Timeout = 30_000)]
    [MemberData(nameof(BadFiles))]
    public async Task I_get_exit_code_2_and_the_line_and_column_of_a_bad_file_and_nothing_starts(string yaml, string position, string detail)
    {
        var marker = _directory.Combine("started");
        _directory.Write("procfile.yml", yaml.Replace("echo hi", $"touch {marker}"));
        await using var procman = ProcManRun.Start(_directory.Path, "up");

        (await procman.WaitForExitAsync()).Should().Be(2);

        procman.Stderr.Should().StartWith("procman: " + position).And.NotContain("   at ");
        if (detail.Length > 0)
            procman.Stderr.Should().Contain(detail);
        procman.Stdout.Should().BeEmpty();
        File.Exists(marker).Should().BeFalse("no process may start when the file is wrong");
    }

    [Fact(Timeout = 30_000)]
    public async Task I_am_told_which_files_were_looked_for_when_none_exists()
    {
        await using var procman = ProcManRun.Start(_directory.Path, "up");

        (await procman.WaitForExitAsync()).Should().Be(2);

        procman.Stderr.Should().StartWith("procman: ").And.Contain("no configuration file found: looked for procfile.yml, procfile.yaml, process-compose.yml")
            .And.Contain("Procfile").And.NotContain("   at ");
    }

    [Fact(Timeout = 30_000)]
    public async Task I_can_check_a_process_compose_file_found_in_the_directory()
    {
        _directory.Write("compose.yml", "services:\n  db:\n    image: postgres\n");
        _directory.Write("process-compose.yaml", "processes:\n  web:\n    command: echo hi\n");
        await using var procman = ProcManRun.Start(_directory.Path, "check");

        (await procman.WaitForExitAsync()).Should().Be(0, procman.Stderr);

        procman.Stdout.Should().Contain("process-compose.yaml").And.Contain("web");
    }

    [Fact(Timeout = 30_000)]
    public async Task I_see_every_error_of_a_file_at_once()
    {
        _directory.Write("procfile.yml", "processes:\n  web:\n    comand: x\n  worker:\n    command: y\n    replicas: -1\n");
        await using var procman = ProcManRun.Start(_directory.Path, "check");

        (await procman.WaitForExitAsync()).Should().Be(2);

        procman.Stderr.Should().Contain("procfile.yml:3:5: ").And.Contain("procfile.yml:6:15: ");
    }
}
