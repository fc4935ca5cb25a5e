using System.Text;

namespace ProcMan.Tests.Unit.Configuration.Fuzzing;

/// <summary>One edit of a seed file's bytes; positions wrap around the current length, so any edit applies to any file.</summary>
public sealed record Mutation(int Kind, int Position, int Length, byte Byte, int Fragment)
{
    public const int Kinds = 7;

    /// <summary>Pieces of YAML, Procfile and .env syntax (and of attacks on them) that random bytes rarely hit.</summary>
    public static readonly string[] Fragments =
    [
        "\n", "  ", "    ", "- ", ": ", "[", "]", "{", "}", ",", "&a ", "*a", "&b [*a, *a, *a]", "? ", "\"", "'", "|\n", ">-\n",
        "---\n", "...\n", "!!str ", "!!map ", "!x ", "%YAML 1.2\n---\n", "%TAG ! tag:x,2000:\n", "<<: *a", "~", "null", "#",
        "\t", "\0", "\\0", "\\x00", "\\u202E", "\uFEFF", "\u202E", "\u200B", "\u001b[31m", "\r\n", "\r",
        "processes:\n", "web:\n", "web.2:\n", "  web:\n    command: run\n", "command: run", "entrypoint: [a, b]", "replicas: 2147483647",
        "replicas: 1001", "replicas: -1", "replicas: 3", "environment:\n", "PORT: 70000", "PORT=65535", "env_file: /dev/zero",
        "env_file: /dev/null", "working_dir: \"\\0\"", "working_dir: /", "depends_on: [web]", "depends_on: {web: {condition: process_healthy}}",
        "readiness_probe: {http_get: {port: 99999}}", "shutdown: {signal: KILL, timeout_seconds: 1e308}", "log_location: /",
        "export ", "KEY=VALUE", "A=$A$A", "${A", "${A}", "$", "\\", "=", "x", "9999999999999999999999", "0x10", "1e9", ".inf", "-.nan",
        new string('[', 100), new string('{', 70), new string('-', 80), "\"" + new string('\\', 40),
    ];

    /// <summary>Applies the edit; the result is bounded (at most a few times the seed) so each case stays small.</summary>
    public byte[] ApplyTo(byte[] input)
    {
        var bytes = new List<byte>(input);
        var at = bytes.Count == 0 ? 0 : Position % (bytes.Count + 1);
        var end = Math.Min(bytes.Count, at + Length);
        switch (Kind)
        {
            case 0 when at < bytes.Count:
                bytes[at] ^= (byte)(Byte | 1);
                break;
            case 1:
                bytes.Insert(at, Byte);
                break;
            case 2:
                bytes.InsertRange(at, Encoding.UTF8.GetBytes(Fragments[Fragment % Fragments.Length]));
                break;
            case 3:
                bytes.RemoveRange(at, end - at);
                break;
            case 4:
                bytes.RemoveRange(at, bytes.Count - at);
                break;
            case 5 when bytes.Count < 64 * 1024:
                var slice = bytes.GetRange(at, end - at);
                for (var i = 0; i < 1 + (Byte % 8); i++)
                {
                    bytes.InsertRange(at, slice);
                }

                break;
            case 6 when at < bytes.Count:
                bytes[at] = Byte;
                break;
        }

        return [.. bytes];
    }
}
