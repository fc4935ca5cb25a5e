using System.Text.Json;

namespace ProcMan.Control;

/// <summary>A client's request line to a <see cref="ControlRequest"/>, or the error to answer it with.</summary>
internal static class RequestParser
{
    /// <summary>The request (names never null), or null with <paramref name="error"/> saying what is wrong.</summary>
    public static ControlRequest? Parse(ReadOnlySpan<byte> line, out string? error)
    {
        ControlRequest? request;
        try
        {
            request = JsonSerializer.Deserialize(line, ControlJson.Default.ControlRequest);
        }
        catch (JsonException exception)
        {
            error = $"bad request: {Describe(exception)}";
            return null;
        }
        // `null` is valid JSON, and so is an object whose command is null: neither asks for anything.
        if (request?.Command is null)
        {
            error = "bad request: expected an object with a command";
            return null;
        }
        error = null;
        return request with { Names = request.Names ?? [], Namespaces = request.Namespaces ?? [] };
    }

    /// <summary>The serializer's message, but a duplicate key by its name alone (its message names an internal type).</summary>
    private static string Describe(JsonException exception)
    {
        const string duplicate = "Duplicate property '";
        var message = exception.Message;
        if (!message.StartsWith(duplicate, StringComparison.Ordinal))
            return message;
        var end = message.IndexOf('\'', duplicate.Length);
        return end < 0 ? message : $"the key `{message[duplicate.Length..end]}` appears more than once";
    }
}
