-- The whole data model of DESIGN.md. Portable SQL: ${id_pk} is the one vendor-specific type
-- (an auto-generated 64-bit key); times are TEXT in Timestamps' fixed UTC form so that they
-- sort as text; JSON is TEXT.

CREATE TABLE case_info (
    name  VARCHAR(100) NOT NULL PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE sources (
    id              ${id_pk},
    label           VARCHAR(200) NOT NULL UNIQUE,
    kind            VARCHAR(20) NOT NULL,
    locator         TEXT NOT NULL,
    examiner        TEXT NOT NULL,
    acquired        VARCHAR(40) NOT NULL,
    utc_offset      VARCHAR(10) NOT NULL,
    items           BIGINT NOT NULL DEFAULT 0,
    bytes           BIGINT NOT NULL DEFAULT 0,
    errors          BIGINT NOT NULL DEFAULT 0,
    hash_algorithms VARCHAR(40) NOT NULL,
    manifest_sha256 CHAR(64),
    copied          BOOLEAN NOT NULL DEFAULT FALSE,
    attributes      TEXT
);
CREATE INDEX sources_manifest ON sources (manifest_sha256);

CREATE TABLE custody (
    id              ${id_pk},
    source_id       BIGINT NOT NULL REFERENCES sources (id),
    event           VARCHAR(40) NOT NULL,
    examiner        TEXT NOT NULL,
    os_user         TEXT NOT NULL,
    machine         TEXT NOT NULL,
    tool            TEXT NOT NULL,
    at_time         VARCHAR(40) NOT NULL,
    utc_offset      VARCHAR(10) NOT NULL,
    locator         TEXT NOT NULL,
    manifest_sha256 CHAR(64),
    details         TEXT
);
CREATE INDEX custody_source ON custody (source_id);

CREATE TABLE artifacts (
    id          ${id_pk},
    source_id   BIGINT NOT NULL REFERENCES sources (id),
    parent_id   BIGINT REFERENCES artifacts (id),
    kind        VARCHAR(30) NOT NULL,
    locator     TEXT NOT NULL,
    name        TEXT,
    size        BIGINT,
    sha256      CHAR(64),
    md5         CHAR(32),
    sha1        CHAR(40),
    media_type  VARCHAR(200),
    modified    VARCHAR(40),
    changed     VARCHAR(40),
    accessed    VARCHAR(40),
    created     VARCHAR(40),
    owner       TEXT,
    owner_group TEXT,
    mode        VARCHAR(10),
    link_target TEXT,
    stored      BOOLEAN NOT NULL DEFAULT FALSE,
    attributes  TEXT,
    UNIQUE (source_id, locator)
);
CREATE INDEX artifacts_sha256 ON artifacts (sha256);
CREATE INDEX artifacts_parent ON artifacts (parent_id);
CREATE INDEX artifacts_source_kind ON artifacts (source_id, kind);
CREATE INDEX artifacts_name ON artifacts (name);
CREATE INDEX artifacts_modified ON artifacts (modified);

CREATE TABLE findings (
    id          ${id_pk},
    artifact_id BIGINT NOT NULL REFERENCES artifacts (id),
    category    VARCHAR(30) NOT NULL,
    count       INTEGER NOT NULL,
    confidence  DOUBLE PRECISION NOT NULL,
    detector    VARCHAR(60) NOT NULL,
    details     TEXT,
    UNIQUE (artifact_id, category, detector)
);
CREATE INDEX findings_category ON findings (category);

CREATE TABLE actors (
    id         ${id_pk},
    kind       VARCHAR(30) NOT NULL,
    name       TEXT NOT NULL,
    attributes TEXT,
    UNIQUE (kind, name)
);

CREATE TABLE actor_addresses (
    actor_id    BIGINT NOT NULL REFERENCES actors (id),
    address     VARCHAR(200) NOT NULL,
    evidence_id BIGINT REFERENCES artifacts (id),
    PRIMARY KEY (actor_id, address)
);
CREATE INDEX actor_addresses_address ON actor_addresses (address);

CREATE TABLE activities (
    id          ${id_pk},
    kind        VARCHAR(30) NOT NULL,
    stage       VARCHAR(20),
    started     VARCHAR(40),
    ended       VARCHAR(40),
    actor_id    BIGINT REFERENCES actors (id),
    evidence_id BIGINT REFERENCES artifacts (id),
    extractor   VARCHAR(60) NOT NULL,
    subject     TEXT,
    attributes  TEXT
);
CREATE INDEX activities_kind_started ON activities (kind, started);
CREATE INDEX activities_evidence ON activities (evidence_id);
CREATE INDEX activities_actor ON activities (actor_id);
CREATE INDEX activities_subject ON activities (subject);

CREATE TABLE relations (
    id          ${id_pk},
    kind        VARCHAR(30) NOT NULL,
    from_type   VARCHAR(10) NOT NULL,
    from_id     BIGINT NOT NULL,
    to_type     VARCHAR(10) NOT NULL,
    to_id       BIGINT NOT NULL,
    linker      VARCHAR(60) NOT NULL,
    confidence  DOUBLE PRECISION NOT NULL,
    explanation TEXT NOT NULL,
    UNIQUE (kind, from_type, from_id, to_type, to_id, linker)
);
CREATE INDEX relations_from ON relations (from_type, from_id);
CREATE INDEX relations_to ON relations (to_type, to_id);

CREATE TABLE relation_evidence (
    relation_id BIGINT NOT NULL REFERENCES relations (id),
    artifact_id BIGINT NOT NULL REFERENCES artifacts (id),
    PRIMARY KEY (relation_id, artifact_id)
);

CREATE TABLE extraction_errors (
    id          ${id_pk},
    source_id   BIGINT NOT NULL REFERENCES sources (id),
    artifact_id BIGINT REFERENCES artifacts (id),
    locator     TEXT,
    phase       VARCHAR(20) NOT NULL,
    plugin      VARCHAR(60),
    code        VARCHAR(40) NOT NULL,
    message     TEXT NOT NULL,
    occurred    VARCHAR(40) NOT NULL
);
CREATE INDEX extraction_errors_source ON extraction_errors (source_id);

-- Which plugin has finished with which artifact: what makes analyze resumable and idempotent.
CREATE TABLE processing (
    artifact_id BIGINT NOT NULL REFERENCES artifacts (id),
    plugin      VARCHAR(60) NOT NULL,
    state       VARCHAR(20) NOT NULL,
    finished    VARCHAR(40) NOT NULL,
    PRIMARY KEY (artifact_id, plugin)
);
