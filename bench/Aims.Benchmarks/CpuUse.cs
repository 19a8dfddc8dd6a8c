using Npgsql;

namespace Aims.Benchmarks;

/// <summary>
/// CPU time used so far by this process (in-process hosts included) and by the PostgreSQL cluster behind a connection:
/// its postmaster and every backend, live (from /proc) or exited (the postmaster's reaped-children totals). On a shared
/// machine elapsed time says how busy the others were; CPU per unit of work says where a ceiling is.
/// </summary>
internal sealed record CpuUse(TimeSpan Process, TimeSpan Database)
{
    private const double TicksPerSecond = 100; // USER_HZ on Linux

    public static async Task<CpuUse> NowAsync(NpgsqlConnection connection)
    {
        await using var command = new NpgsqlCommand("SELECT pg_backend_pid()", connection);
        var postmaster = ParentOf((int)(await command.ExecuteScalarAsync())!);
        var ticks = Ticks(postmaster, withReaped: true);
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), out var pid) && pid != postmaster && TryFields(pid) is { } f && f[1] == postmaster.ToString())
            {
                ticks += Ticks(pid, withReaped: true);
            }
        }

        return new(System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime, TimeSpan.FromSeconds(ticks / TicksPerSecond));
    }

    public static CpuUse operator -(CpuUse after, CpuUse before) => new(after.Process - before.Process, after.Database - before.Database);

    private static int ParentOf(int pid) => int.Parse(TryFields(pid)![1]);

    // utime, stime, and (for reaped children) cutime, cstime: fields 14–17 of /proc/<pid>/stat.
    private static long Ticks(int pid, bool withReaped) =>
        TryFields(pid) is { } f ? long.Parse(f[11]) + long.Parse(f[12]) + (withReaped ? long.Parse(f[13]) + long.Parse(f[14]) : 0) : 0;

    // The fields after "pid (comm)": the command name may hold spaces and parentheses, so split after the last ')'.
    private static string[]? TryFields(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (IOException)
        {
            return null;
        }
    }
}
