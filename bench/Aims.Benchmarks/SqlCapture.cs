using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace Aims.Benchmarks;

/// <summary>
/// Records the SQL EF Core executes while capturing, through EF's DiagnosticListener, so a benchmark can run the very
/// statements a handler produced (text and parameter values) without EF, as the floor.
/// </summary>
internal sealed class SqlCapture : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly List<IDisposable> subscriptions = [];
    private readonly List<CapturedCommand> captured = [];
    private volatile bool capturing;

    public SqlCapture() => subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(this));

    public void Start()
    {
        lock (captured)
        {
            captured.Clear();
        }

        capturing = true;
    }

    /// <summary>The statements that touched <paramref name="table"/> since <see cref="Start"/>, in order.</summary>
    public IReadOnlyList<CapturedCommand> Stop(string table)
    {
        capturing = false;
        lock (captured)
        {
            return captured.Where(c => c.Text.Contains(table, StringComparison.Ordinal)).ToList();
        }
    }

    public void OnNext(DiagnosticListener value)
    {
        if (value.Name == DbLoggerCategory.Name)
        {
            lock (subscriptions)
            {
                subscriptions.Add(value.Subscribe(this));
            }
        }
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (capturing && value.Key == RelationalEventId.CommandExecuted.Name && value.Value is CommandExecutedEventData { Command: NpgsqlCommand command })
        {
            var parameters = command.Parameters.Select(p => p.Clone()).ToList();
            lock (captured)
            {
                captured.Add(new CapturedCommand(command.CommandText, parameters));
            }
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void Dispose()
    {
        lock (subscriptions)
        {
            subscriptions.ForEach(s => s.Dispose());
        }
    }
}
