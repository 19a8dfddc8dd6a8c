using Aims.BuildingBlocks.Persistence;

namespace Aims.BuildingBlocks.EventSourcing;

/// <summary>The streams and events tables, created in the owning module's schema by its migrations.</summary>
public static class EventStoreSchema
{
    public static SqlMigration Migration(string schema) => new(
        "0001_event_store",
        $"""
        CREATE TABLE {schema}.streams (
            id         uuid        PRIMARY KEY,
            type       text        NOT NULL,
            version    bigint      NOT NULL,
            created_at timestamptz NOT NULL,
            updated_at timestamptz NOT NULL
        );

        CREATE TABLE {schema}.events (
            seq            bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            id             uuid        NOT NULL UNIQUE,
            stream_id      uuid        NOT NULL REFERENCES {schema}.streams (id),
            version        bigint      NOT NULL,
            type           text        NOT NULL,
            data           jsonb       NOT NULL,
            timestamp      timestamptz NOT NULL,
            actor          text        NULL,
            correlation_id text        NULL,
            causation_id   text        NULL,
            CONSTRAINT events_stream_version UNIQUE (stream_id, version)
        );
        """);
}
