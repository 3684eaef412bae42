-- One schema for SQLite and PostgreSQL; ${identity} is each one's growing integer key.
CREATE TABLE corrections (
    id            ${identity},
    digest        VARCHAR(64)  NOT NULL,
    title         TEXT         NOT NULL,
    body          TEXT         NOT NULL,
    diff          TEXT         NOT NULL,
    library       VARCHAR(32)  NOT NULL,
    model_version VARCHAR(200),
    answer        VARCHAR(200),
    head          VARCHAR(32)  NOT NULL,
    label         VARCHAR(200) NOT NULL,
    author        VARCHAR(200) NOT NULL,
    origin        VARCHAR(16)  NOT NULL,
    note          TEXT,
    created_at    BIGINT       NOT NULL,
    status        VARCHAR(16)  NOT NULL,
    reviewed_by   VARCHAR(200),
    reviewed_at   BIGINT,
    CONSTRAINT corrections_once UNIQUE (digest, head, label, author),
    CONSTRAINT corrections_status CHECK (status IN ('new', 'accepted', 'rejected')),
    CONSTRAINT corrections_origin CHECK (origin IN ('page', 'api', 'cli', 'github'))
);

CREATE INDEX corrections_by_status ON corrections (status, id);
