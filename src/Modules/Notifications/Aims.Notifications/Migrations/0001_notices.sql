-- The notification centre: one row per notice per person, recorded once per cause (source_key), read or not.
CREATE TABLE notifications.notices (
    id         uuid        PRIMARY KEY,
    user_id    uuid        NOT NULL,
    kind       text        NOT NULL,
    source_key text        NOT NULL,
    subject    text        NOT NULL,
    body       text        NOT NULL,
    link       text,
    created_at timestamptz NOT NULL,
    read_at    timestamptz
);
CREATE UNIQUE INDEX notices_once ON notifications.notices (user_id, source_key);
CREATE INDEX notices_user ON notifications.notices (user_id, created_at DESC);
CREATE INDEX notices_unread ON notifications.notices (user_id) WHERE read_at IS NULL;

-- Email on or off per kind; no row means on. Kinds the law requires are sent whatever is stored here.
CREATE TABLE notifications.preferences (
    user_id uuid    NOT NULL,
    kind    text    NOT NULL,
    email   boolean NOT NULL,
    PRIMARY KEY (user_id, kind)
);
