using Aims.BuildingBlocks;
using Aims.BuildingBlocks.Persistence;
using Aims.Host.Composition;
using Aims.Notifications;
using Aims.Notifications.Sending;
using Aims.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Aims.IntegrationTests.Notifications;

/// <summary>
/// A previous version's record of the emails and texts it queued (<c>messaging.outgoing</c>) becomes the Notifications
/// module's own with migrate (ADR 0051): every row kept, in the order written, still read by the operations page and
/// followed by new rows; a second run does nothing.
/// </summary>
public sealed class OutgoingLogUpgradeTests
{
    private static readonly DateTimeOffset SentAt = new(2026, 11, 20, 14, 0, 2, TimeSpan.Zero);

    [Test]
    public async Task Migrate_moves_a_previous_versions_outgoing_record_into_the_notifications_schema_with_its_rows_and_order()
    {
        var connectionString = await TestDatabase.RecreateAsync("aims_test_notifications_outgoing_upgrade");
        await using var services = Compose(connectionString);
        var migrator = new SchemaMigrator(
            services.GetRequiredService<NpgsqlDataSource>(), services.GetServices<ModuleSchema>(), [], NullLogger<SchemaMigrator>.Instance);
        await migrator.MigrateAsync(CancellationToken.None);

        // The previous version's database: the record in the messaging schema, Notifications' 0002 not applied, two rows.
        await ExecuteAsync(connectionString, """
            ALTER TABLE notifications.outgoing SET SCHEMA messaging;
            DELETE FROM notifications.schema_migrations WHERE id = '0002_outgoing';
            INSERT INTO messaging.outgoing (message_id, kind, recipient, subject, payload, envelope_id, queued_at, sent_at) VALUES
              ('<old-1@aims.test>', 'email', 'pat@provider.example', 'Appeal PI-2026-000001 received',
               '{"messageId":"<old-1@aims.test>","to":"pat@provider.example","subject":"Appeal PI-2026-000001 received","textBody":"Received 11/20/2026."}',
               '0193a0f0-0000-7000-8000-000000000001', '2026-11-20 14:00:00Z', '2026-11-20 14:00:02Z'),
              ('old-text-1', 'text', '8045551234', NULL, '{"messageId":"old-text-1","to":"8045551234","body":"AIMS sign-in code: 135790."}',
               '0193a0f0-0000-7000-8000-000000000002', '2026-11-21 15:00:00Z', NULL);
            """);

        (await migrator.MigrateAsync(CancellationToken.None)).ShouldBe(1);
        (await migrator.MigrateAsync(CancellationToken.None)).ShouldBe(0);

        (await ScalarAsync(connectionString, "SELECT to_regclass('messaging.outgoing') IS NULL")).ShouldBe(true);
        (await OutboxReader.TextsToAsync(connectionString, "8045551234")).ShouldBe([new OutboxReader.Text("8045551234", "AIMS sign-in code: 135790.")]);

        // A send after the upgrade is written after the old ones (the identity that orders them moved with the table).
        await using (var scope = services.CreateAsyncScope())
        {
            var session = scope.ServiceProvider.GetRequiredService<DbSession>();
            await session.BeginAsync(CancellationToken.None);
            var log = scope.ServiceProvider.GetRequiredService<OutgoingLog>();
            var send = new SendEmail("<new-1@aims.test>", "pat@provider.example", "Appeal PI-2026-000001 docketed", "Docketed 12/01/2026.", null);
            await log.QueuedAsync(send.MessageId, OutgoingLog.Email, send.To, send.Subject, send, Guid.CreateVersion7(), CancellationToken.None);
            await session.CommitAsync(CancellationToken.None);
        }

        (await OutboxReader.EmailsToAsync(connectionString, "pat@provider.example")).Select(e => e.Subject)
            .ShouldBe(["Appeal PI-2026-000001 received", "Appeal PI-2026-000001 docketed"]);

        // The operations page's "emails sent recently" and a dead letter's recipient read the moved rows.
        await using (var scope = services.CreateAsyncScope())
        {
            var log = scope.ServiceProvider.GetRequiredService<OutgoingLog>();
            var sent = (await log.RecentEmailsAsync(10, CancellationToken.None)).ShouldHaveSingleItem();
            (sent.EmailTo, sent.EmailSubject, sent.CompletedAt).ShouldBe(("pat@provider.example", "Appeal PI-2026-000001 received", SentAt));
            var text = Guid.Parse("0193a0f0-0000-7000-8000-000000000002");
            (await log.ByEnvelopeAsync([text], CancellationToken.None))[text].EmailTo.ShouldBe("8045551234");
        }
    }

    private static ServiceProvider Compose(string connectionString)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Aims"] = connectionString,
            ["Aims:Messaging:RelayEnabled"] = "false",
        }).Build();
        var collection = new ServiceCollection().AddLogging();
        collection.AddAims(configuration, [new NotificationsModule()]);
        return collection.BuildServiceProvider();
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<object?> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }
}
