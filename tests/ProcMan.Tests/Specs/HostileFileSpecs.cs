using System.Text;
using FluentAssertions;
using ProcMan.Tests.Infrastructure;
using Xunit;

namespace ProcMan.Tests.Specs;

public sealed class HostileFileSpecs : IDisposable
{
    private readonly TestDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    public static TheoryData<string, string> HostileFiles => new()
    {
        // 30,000 levels overflowed the stack (SIGSEGV in the native build).
        { "processes:\n  web:\n    command: run\nx: " + new string('[', 30_000) + new string(']', 30_000) + "\n", "procfile.yml:4:67: mappings and lists nest more than 64 levels" },
        // A byte-flipped file on which YamlDotNet's model threw InvalidOperationException.
        { Encoding.Latin1.GetString(Convert.FromBase64String("cHJvY2Vzc2VzOiB7d2ViOiB7Y29tbWFuZDogcnVuLCByZXBsaWNhczogM30sIGFwaToge2VudHJ5cG9pDaM6IFthLCAiYiBjIl0sIGRlcGVuZHNfb246IFtiXX19CnNfb246IFt3ZWJdfX0K")), "procfile.yml:1:52: invalid YAML" },
        { "*a\n", "procfile.yml:1:1: invalid YAML" },
        { "processes:\n  web:\n    command: run\n    env_file: /dev/zero\n", "procfile.yml:4:15: env file `/dev/zero` is not a regular file" },
        { "processes:\n  web:\n    command: run\n    working_dir: \"a\\0b\"\n", "procfile.yml:4:18: `working_dir` in process `web` contains a NUL character" },
        { "processes:\n  web:\n    command: run\n    replicas: 2147483647\n", "procfile.yml:4:15: `replicas` in process `web` must be at most 1000" },
        { "a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]\ng: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f, *f]\nh: [*g, *g, *g, *g, *g, *g, *g, *g, *g, *g]\nprocesses:\n  web:\n    command: run\n", "procfile.yml:7:32: the document stands for more than 16 Mi characters" },
    };

    [Theory(Timeout = 60_000)]
    [MemberData(nameof(HostileFiles))]
    public async Task ProcMan_refuses_a_hostile_file_with_exit_2_and_a_located_error_not_an_internal_error(string yaml, string error)
    {
        File.WriteAllText(_directory.Combine("procfile.yml"), yaml, Encoding.Latin1);

        var result = await ProcManCommand.RunAsync(_directory.Path, "check");

        result.ExitCode.Should().Be(2, result.Stderr);
        result.Stderr.Should().StartWith("procman: " + error).And.NotContain("internal error").And.NotContain("   at ");
        result.Stdout.Should().BeEmpty();
    }
}
