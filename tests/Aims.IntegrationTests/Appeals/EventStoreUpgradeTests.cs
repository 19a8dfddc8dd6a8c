using System.Text.Json;
using Aims.Appeals;
using Aims.Appeals.Contracts;
using Aims.Appeals.Drafts;
using Aims.Appeals.Model;
using Aims.Appeals.Persistence;
using Aims.Appeals.Viewing;
using Aims.BuildingBlocks.Persistence;
using Aims.BuildingBlocks.Web;
using Aims.Host.Composition;
using Aims.Identity;
using Aims.Notifications;
using Aims.Registration;
using Aims.Testing;
using MediatR;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Aims.IntegrationTests.Appeals;

/// <summary>
/// A previous-version database upgraded by migrate (ADR 0034, 0036): events move into Marten in order with time, actor
/// and correlation, the list is rebuilt, old tables go, drafts become documents; a second run does nothing.
/// </summary>
public sealed class EventStoreUpgradeTests
{
    private static readonly JsonSerializerOptions PreviousJson = new(JsonSerializerDefaults.Web);
    private static readonly DateTimeOffset FiledAt = new(2026, 11, 2, 14, 5, 0, TimeSpan.Zero);
    private static readonly Person Clerk = new(Guid.NewGuid(), "Dana Clerk");

    [Test]
    public async Task Migrate_moves_a_previous_version_database_onto_Marten_with_the_same_timelines_and_lists()
    {
        await using var services = await PreviousVersionAsync("aims_test_appeals_upgrade");
        var dataSource = services.GetRequiredService<NpgsqlDataSource>();
        var (filer, filed, docketed, withdrawn) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        // Written interleaved, as appeals are: the import must keep this global order.
        await WritePreviousAsync(dataSource, [
            (filed, 1, Filing(filer, "CL-2026-000001", "Ada Filed"), FiledAt),
            (docketed, 1, Filing(filer, "CL-2026-000002", "Ben Docketed"), FiledAt.AddMinutes(1)),
            (withdrawn, 1, Filing(filer, "CL-2026-000003", "Cy Withdrawn"), FiledAt.AddMinutes(2)),
            (docketed, 2, new AppealDocketed(Clerk, new DateOnly(2026, 11, 4), null), FiledAt.AddDays(2)),
            (withdrawn, 2, new WithdrawnByAppellant(new Person(filer, "Ada Filer"), new DateOnly(2026, 11, 5), "Resolved with the agency."), FiledAt.AddDays(3)),
        ]);

        // A draft saved by the previous version, in its EF table (ADR 0036 moves drafts into Marten documents).
        var draftId = Guid.NewGuid();
        await using (var draft = dataSource.CreateCommand(
            "INSERT INTO appeals.drafts (id, user_id, kind, form, created_at, updated_at) " +
            "VALUES (@id, @user, 'Client', '{\"appellantName\":\"Dee Draft\"}', @at, @at)"))
        {
            draft.Parameters.AddWithValue("id", draftId);
            draft.Parameters.AddWithValue("user", filer);
            draft.Parameters.AddWithValue("at", FiledAt.AddDays(4));
            await draft.ExecuteNonQueryAsync();
        }

        var migrator = services.GetRequiredService<SchemaMigrator>();
        (await migrator.MigrateAsync(CancellationToken.None)).ShouldBe(4); // three streams and one draft moved, no script pending
        (await migrator.MigrateAsync(CancellationToken.None)).ShouldBe(0);
        (await ScalarAsync(dataSource, "SELECT to_regclass('appeals.drafts') IS NULL")).ShouldBe(true);

        (await ScalarAsync(dataSource, "SELECT to_regclass('appeals.events') IS NULL AND to_regclass('appeals.streams') IS NULL")).ShouldBe(true);
        var rows = await RowsAsync(dataSource,
            "SELECT stream_id::text || ' ' || version || ' ' || type || ' ' || to_char(timestamp AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI') || ' ' || user_name || ' ' || correlation_id FROM appeals.mt_events ORDER BY seq_id");
        rows.ShouldBe([
            $"{filed} 1 ClientAppealFiled 2026-11-02 14:05 actor-{filed} corr-{filed}-1",
            $"{docketed} 1 ClientAppealFiled 2026-11-02 14:06 actor-{docketed} corr-{docketed}-1",
            $"{withdrawn} 1 ClientAppealFiled 2026-11-02 14:07 actor-{withdrawn} corr-{withdrawn}-1",
            $"{docketed} 2 AppealDocketed 2026-11-04 14:05 actor-{docketed} corr-{docketed}-2",
            $"{withdrawn} 2 WithdrawnByAppellant 2026-11-05 14:05 actor-{withdrawn} corr-{withdrawn}-2",
        ]);

        // The timelines and lists read as they did: the appeals folded from Marten, the list rows rebuilt.
        await using (var scope = services.CreateAsyncScope())
        {
            var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
            var view = (await mediator.Send(new GetAppeal(filer, withdrawn)))!;
            view.Appeal.Status.ShouldBe(AppealStatus.Withdrawn);
            view.Appeal.Version.ShouldBe(2);
            view.Timeline.Select(e => (e.At, e.What)).ShouldBe([
                (FiledAt.AddDays(3), "Appeal withdrawn: “Resolved with the agency.”"),
                (FiledAt.AddMinutes(2), "Appeal CL-2026-000003 filed"),
            ]);
            (await mediator.Send(new ListAppeals(filer, Closed: false))).Items.Select(a => (a.CaseNumber, a.Status)).Order()
                .ShouldBe([("CL-2026-000001", AppealStatus.Filed), ("CL-2026-000002", AppealStatus.Docketed)]);
            (await mediator.Send(new ListAppeals(filer, Closed: true))).Items.Select(a => a.CaseNumber).ShouldBe(["CL-2026-000003"]);
            // The draft is listed as before, saved 6 Nov 2026, and resumes with the form as it stood.
            (await mediator.Send(new ListDrafts(filer))).ShouldBe([new DraftItem(draftId, AppealKind.Client, FiledAt.AddDays(4), $"/appeals/file/client?draft={draftId}")]);
            (await mediator.Send(new LoadDraft(filer, draftId, AppealKind.Client))).ShouldBe("{\"appellantName\": \"Dee Draft\"}");
            (await mediator.Send(new LoadDraft(Guid.NewGuid(), draftId, AppealKind.Client))).ShouldBeNull();
        }

        // New events follow on from the imported ones, in the stream and in the global order.
        await using (var scope = services.CreateAsyncScope())
        {
            var session = scope.ServiceProvider.GetRequiredService<DbSession>();
            await session.BeginAsync(CancellationToken.None);
            (await scope.ServiceProvider.GetRequiredService<EventStreams>().AppendAsync(
                filed, 1, [new WithdrawnByAppellant(new Person(filer, "Ada Filer"), new DateOnly(2026, 11, 20), null)], CancellationToken.None)).ShouldBe(2);
            await session.CommitAsync(CancellationToken.None);
        }

        (await RowsAsync(dataSource, "SELECT stream_id::text || ' ' || version FROM appeals.mt_events ORDER BY seq_id DESC LIMIT 1")).ShouldBe([$"{filed} 2"]);
        (await ScalarAsync(dataSource, $"SELECT status FROM appeals.appeal_summaries WHERE id = '{filed}'")).ShouldBe("Withdrawn");
    }

    [Test]
    public async Task An_event_type_this_version_does_not_know_stops_the_upgrade_with_nothing_moved()
    {
        await using var services = await PreviousVersionAsync("aims_test_appeals_upgrade_unknown");
        var dataSource = services.GetRequiredService<NpgsqlDataSource>();
        var id = Guid.NewGuid();
        await WritePreviousAsync(dataSource, [(id, 1, Filing(Guid.NewGuid(), "CL-2026-000009", "Eve Unknown"), FiledAt)]);
        await using (var rename = dataSource.CreateCommand("UPDATE appeals.events SET type = 'AppealTeleported'"))
        {
            await rename.ExecuteNonQueryAsync();
        }

        var failure = await Should.ThrowAsync<InvalidOperationException>(() => services.GetRequiredService<SchemaMigrator>().MigrateAsync(CancellationToken.None));

        failure.Message.ShouldContain("AppealTeleported");
        (await ScalarAsync(dataSource, "SELECT count(*) FROM appeals.events")).ShouldBe(1L);
        (await ScalarAsync(dataSource, "SELECT count(*) FROM appeals.mt_events")).ShouldBe(0L);
    }

    [Test]
    public async Task A_draft_of_a_kind_this_version_does_not_know_stops_the_upgrade_with_one_line_and_nothing_moved()
    {
        await using var services = await PreviousVersionAsync("aims_test_appeals_upgrade_draft_kind");
        var dataSource = services.GetRequiredService<NpgsqlDataSource>();
        var known = Guid.NewGuid();
        var unknown = Guid.NewGuid();
        await using (var drafts = dataSource.CreateCommand(
            "INSERT INTO appeals.drafts (id, user_id, kind, form, created_at, updated_at) VALUES " +
            "(@known, @user, 'Client', '{}', @at, @at), (@unknown, @user, 'Teleport', '{}', @at, @at)"))
        {
            drafts.Parameters.AddWithValue("known", known);
            drafts.Parameters.AddWithValue("unknown", unknown);
            drafts.Parameters.AddWithValue("user", Guid.NewGuid());
            drafts.Parameters.AddWithValue("at", FiledAt);
            await drafts.ExecuteNonQueryAsync();
        }

        // Not an Enum.Parse stack trace: the host prints a StartupException's message as its one line.
        var failure = await Should.ThrowAsync<StartupException>(() => services.GetRequiredService<SchemaMigrator>().MigrateAsync(CancellationToken.None));

        failure.Message.ShouldBe(
            $"The draft {unknown} in appeals.drafts is of kind \"Teleport\", which this version does not know (ProviderInformal, ProviderFormal, Client): " +
            "correct or delete that row, then start the portal again. No draft was moved.");
        (await ScalarAsync(dataSource, "SELECT count(*) FROM appeals.drafts")).ShouldBe(2L);
    }

    private static ClientAppealFiled Filing(Guid filer, string caseNumber, string appellant) => new(
        caseNumber, new Person(filer, "Ada Filer"), FilerCapacity.Self, appellant, "123456789012", null,
        "Denial of services", "Home health visits denied.", new DateOnly(2026, 10, 20), null, false, null, null, null,
        new ContactDetails("Ada Filer", "804-555-0100", "ada@example.com"),
        new DateOnly(2026, 11, 2), new DateOnly(2026, 11, 2), new DateOnly(2026, 11, 19), true, new DateOnly(2027, 1, 31), null);

    /// <summary>Rows exactly as the hand-written store wrote them: its JSON (web defaults), its columns.</summary>
    private static async Task WritePreviousAsync(NpgsqlDataSource dataSource, IReadOnlyList<(Guid Stream, int Version, object Event, DateTimeOffset At)> events)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        foreach (var (stream, version, @event, at) in events)
        {
            await using var command = new NpgsqlCommand(
                "INSERT INTO appeals.streams (id, type, version, created_at, updated_at) VALUES (@s, 'appeal', @v, @at, @at) " +
                "ON CONFLICT (id) DO UPDATE SET version = @v, updated_at = @at; " +
                "INSERT INTO appeals.events (id, stream_id, version, type, data, timestamp, actor, correlation_id, causation_id) " +
                "VALUES (@id, @s, @v, @type, @data::jsonb, @at, @actor, @corr, NULL)", connection);
            command.Parameters.AddWithValue("s", stream);
            command.Parameters.AddWithValue("v", (long)version);
            command.Parameters.AddWithValue("at", at);
            command.Parameters.AddWithValue("id", Guid.CreateVersion7(at));
            command.Parameters.AddWithValue("type", @event.GetType().Name);
            command.Parameters.AddWithValue("data", JsonSerializer.Serialize(@event, @event.GetType(), PreviousJson));
            command.Parameters.AddWithValue("actor", $"actor-{stream}");
            command.Parameters.AddWithValue("corr", $"corr-{stream}-{version}");
            await command.ExecuteNonQueryAsync();
        }
    }

    private static async Task<object?> ScalarAsync(NpgsqlDataSource dataSource, string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        return await command.ExecuteScalarAsync();
    }

    private static async Task<List<string>> RowsAsync(NpgsqlDataSource dataSource, string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }

    /// <summary>A new database with the previous version's schema: the same scripts, without Marten's tables or the import.</summary>
    private static async Task<ServiceProvider> PreviousVersionAsync(string database)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Aims"] = await TestDatabase.RecreateAsync(database),
        }).Build();
        var collection = new ServiceCollection().AddLogging();
        collection.AddAims(configuration, [new IdentityModule(), new RegistrationModule(), new AppealsModule(), new NotificationsModule()]);
        var services = collection.BuildServiceProvider();
        await new SchemaMigrator(services.GetRequiredService<NpgsqlDataSource>(), services.GetServices<ModuleSchema>(), [], NullLogger<SchemaMigrator>.Instance)
            .MigrateAsync(CancellationToken.None);
        return services;
    }
}
