using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Aims.BuildingBlocks.Persistence;

/// <summary>
/// One connection and at most one transaction per scope, shared by every module's DbContext, the Marten session of the
/// event streams and the outbox, so a command's change and the messages it raises commit or roll back together.
/// </summary>
public sealed class DbSession(NpgsqlDataSource dataSource) : IAsyncDisposable, IDisposable
{
    private NpgsqlDataSource source = dataSource;
    private readonly List<DbContext> joined = [];
    private readonly List<Func<Task>> afterCommit = [];
    private readonly List<Func<Task>> afterRollback = [];
    private NpgsqlConnection? connection;

    public NpgsqlConnection Connection => connection ??= source.CreateConnection();

    /// <summary>
    /// Takes this scope's connection from another pool (the receivers' own, ADR 0055): only before anything in the
    /// scope has asked for the connection, so that every context, session and command of the scope shares one.
    /// </summary>
    public void UseDataSource(NpgsqlDataSource pool)
    {
        if (connection is not null)
        {
            throw new InvalidOperationException("This scope's connection is already in use; its pool must be chosen before.");
        }

        source = pool;
    }

    public NpgsqlTransaction? Transaction { get; private set; }

    public bool InTransaction => Transaction is not null;

    public async Task BeginAsync(CancellationToken cancellationToken)
    {
        if (Transaction is not null)
        {
            throw new InvalidOperationException("A transaction is already open in this scope.");
        }

        await EnsureOpenAsync(cancellationToken);
        Transaction = await Connection.BeginTransactionAsync(cancellationToken);
    }

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        var transaction = Transaction ?? throw new InvalidOperationException("No transaction is open.");
        Transaction = null;
        ReleaseContexts();
        await using (transaction)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        // Only now may the messages written in the transaction leave (Wolverine's outbox flush).
        var actions = afterCommit.ToList();
        afterCommit.Clear();
        afterRollback.Clear();
        foreach (var action in actions)
        {
            await action();
        }
    }

    /// <summary>
    /// Runs <paramref name="committed"/> once the open transaction commits, or <paramref name="rolledBack"/> if it
    /// rolls back instead (messages written in it must then be forgotten, not sent).
    /// </summary>
    public void AfterCommit(Func<Task> committed, Func<Task>? rolledBack = null)
    {
        RequireTransaction("Waiting for the commit");
        afterCommit.Add(committed);
        if (rolledBack is not null)
        {
            afterRollback.Add(rolledBack);
        }
    }

    public async Task RollbackAsync()
    {
        var transaction = Transaction;
        if (transaction is null)
        {
            return;
        }

        Transaction = null;
        afterCommit.Clear();
        ReleaseContexts();
        await using (transaction)
        {
            if (transaction.Connection is { State: System.Data.ConnectionState.Open })
            {
                await transaction.RollbackAsync(CancellationToken.None);
            }
        }

        var actions = afterRollback.ToList();
        afterRollback.Clear();
        foreach (var action in actions)
        {
            await action();
        }
    }

    /// <summary>
    /// Makes <paramref name="context"/> write inside the open transaction (or none), and remembers it so that it lets go of
    /// the transaction when it ends: a context still holding a finished transaction fails its next query.
    /// </summary>
    public void Join(DbContext context)
    {
        var current = context.Database.CurrentTransaction?.GetDbTransaction();
        if (!ReferenceEquals(current, Transaction))
        {
            context.Database.UseTransaction(Transaction);
        }

        if (Transaction is not null && !joined.Contains(context))
        {
            joined.Add(context);
        }
    }

    /// <summary>A command on the shared connection, inside the open transaction if there is one.</summary>
    public async Task<NpgsqlCommand> CommandAsync(string sql, CancellationToken cancellationToken)
    {
        await EnsureOpenAsync(cancellationToken);
        return new NpgsqlCommand(sql, Connection, Transaction);
    }

    /// <summary>Fails unless a unit of work is open: used by writers whose rows must commit with the caller's change.</summary>
    public NpgsqlTransaction RequireTransaction(string what) =>
        Transaction ?? throw new InvalidOperationException(
            $"{what} must run inside a command (a unit of work), so that it commits together with the change that caused it.");

    public async ValueTask DisposeAsync()
    {
        // The scope's contexts went back to their pool first (disposed before this session); another request may hold one.
        joined.Clear();
        await RollbackAsync();
        if (connection is not null)
        {
            await connection.DisposeAsync();
        }
    }

    /// <summary>For scopes disposed synchronously; disposing an open transaction rolls it back.</summary>
    public void Dispose()
    {
        Transaction?.Dispose();
        Transaction = null;
        connection?.Dispose();
    }

    private void ReleaseContexts()
    {
        foreach (var context in joined)
        {
            context.Database.UseTransaction(null);
        }

        joined.Clear();
    }

    /// <summary>Opens the shared connection if it is not open yet (for a library that is handed the connection).</summary>
    public async Task EnsureOpenAsync(CancellationToken cancellationToken)
    {
        if (Connection.State != System.Data.ConnectionState.Open)
        {
            await Connection.OpenAsync(cancellationToken);
        }
    }
}
