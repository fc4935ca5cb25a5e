using System.Text;
using CsCheck;

namespace ProcMan.Tests.Unit.Configuration.Fuzzing;

/// <summary>Hostile files: valid seeds broken by byte flips, insertions, truncations and repeats, and soups of syntax.</summary>
public static class ConfigurationGenerators
{
    public static readonly string[] YamlSeeds =
    [
        "processes:\n  web:\n    command: run\n",
        "version: \"1\"\nenv_file: [.env]\nenvironment:\n  LOG_LEVEL: debug\nprocesses:\n  web:\n    command: ./server --port $PORT\n    working_dir: .\n    environment: [MODE=dev]\n    replicas: 2\n  worker:\n    entrypoint: [python3, worker.py]\n    description: jobs\n  docs:\n    command: mkdocs serve\n    disabled: true\n",
        "shutdown_timeout_seconds: 20\nprocesses:\n  db:\n    command: postgres\n    ready_log_line: ready\n    shutdown: {signal: INT, timeout_seconds: 30}\n  migrate:\n    command: ./migrate\n    depends_on: {db: {condition: process_healthy}}\n  web:\n    command: ./server\n    depends_on:\n      migrate: {condition: process_completed_successfully}\n      db:\n    readiness_probe:\n      http_get: {port: 8080, path: /health}\n      period_seconds: 2\n    liveness_probe:\n      exec: {command: \"pgrep server\"}\n    availability: {restart: on_failure, backoff_seconds: 1, max_restarts: 5}\n    success_exit_codes: [143]\n    log_location: web.log\n",
        "common: &common\n  A: 1\n  B: two\nprocesses:\n  web:\n    command: run\n    environment: *common\n  worker:\n    command: work\n    environment: *common\n",
        "processes: {web: {command: run, replicas: 3}, api: {entrypoint: [a, \"b c\"], depends_on: [web]}}\n",
        "environment:\n  PORT: \"6000\"\nprocesses:\n  a:\n    command: x\n    replicas: 3\n  b:\n    command: y\n",
    ];

    public static readonly string[] ProcfileSeeds =
    [
        "web: ./server --port $PORT\nworker: bundle exec sidekiq\n",
        "# comment\n\nweb: run: with: colons # and hash\r\nclock:   sleep 1\n",
        "a-b_c: x\nd: y\ne: z\n",
    ];

    public static readonly string[] DotEnvSeeds =
    [
        "A=1\nB=two\n",
        "export PORT=6000\nNAME: value # comment\nURL=http://x/#frag\n",
        "S='single $A'\nD=\"double\\n$A ${B}\\$\"\nM=\"multi\nline\"\n",
        "A=x\nA=$A$A\nA=$A$A\nA=$A$A\n",
        "PASSWORD=hunter2\n# only a comment\n\n",
    ];

    private static readonly Gen<Mutation> MutationGen = Gen.Select(
        Gen.Int[0, Mutation.Kinds - 1], Gen.Int[0, 1_000_000], Gen.Int[1, 64], Gen.Byte, Gen.Int[0, Mutation.Fragments.Length - 1],
        (kind, position, length, value, fragment) => new Mutation(kind, position, length, value, fragment));

    /// <summary>A seed with up to 8 mutations, or (one case in four) a soup of fragments.</summary>
    public static Gen<byte[]> Hostile(string[] seeds) =>
        Gen.Frequency(
            (3, Gen.Select(Gen.Int[0, seeds.Length - 1], MutationGen.Array[0, 8], (seed, mutations) =>
                mutations.Aggregate(Encoding.UTF8.GetBytes(seeds[seed]), (bytes, mutation) => mutation.ApplyTo(bytes)))),
            (1, Gen.Int[0, Mutation.Fragments.Length - 1].Array[0, 60].Select(pieces =>
                Encoding.UTF8.GetBytes(string.Concat(pieces.Select(piece => Mutation.Fragments[piece]))))));

    /// <summary>A formation for <c>-m</c>: usually none, sometimes a hostile one.</summary>
    public static readonly Gen<string?> Formation = Gen.OneOf<string?>(
        null, null, null, "all=2", "web=1001", "all=1000", "all=99999999999", "web=2,,", "web=2,web=3", "=", "web.2=1", "\0=1");

    /// <summary>A base port for <c>-p</c>: usually none.</summary>
    public static readonly Gen<int?> BasePort = Gen.OneOf<int?>(null, null, 5000, 65535, 65500, 1);
}
