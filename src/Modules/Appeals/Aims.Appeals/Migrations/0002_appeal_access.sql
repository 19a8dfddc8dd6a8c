-- Who may do what on each appeal, kept current from the appeal's events; the answer to GetAppealAccess.
CREATE TABLE appeals.appeal_access (
    appeal_id         uuid    NOT NULL,
    user_id           uuid    NOT NULL,
    party             text    NOT NULL,
    can_add_documents boolean NOT NULL,
    can_act           boolean NOT NULL,
    PRIMARY KEY (appeal_id, user_id)
);
CREATE INDEX appeal_access_user ON appeals.appeal_access (user_id);
