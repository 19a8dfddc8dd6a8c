using Npgsql;

namespace Aims.Benchmarks;

/// <summary>One SQL statement EF Core sent, with its parameters, to run again over plain Npgsql.</summary>
internal sealed record CapturedCommand(string Text, IReadOnlyList<NpgsqlParameter> Parameters)
{
    public NpgsqlCommand On(NpgsqlConnection connection, string prefix = "")
    {
        var command = new NpgsqlCommand(prefix + Text, connection);
        // A parameter belongs to one command's collection, so each run gets copies.
        command.Parameters.AddRange(Parameters.Select(p => p.Clone()).ToArray());
        return command;
    }
}
