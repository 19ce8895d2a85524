-- Schema version 1: documents, their original bytes and pages, model attempts, extracted items.
-- Everything health-related lives here, inside the encrypted vault: originals, page images,
-- text layers, file names and raw model output.

CREATE TABLE vault_meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE documents (
    id           INTEGER PRIMARY KEY,
    sha256       TEXT NOT NULL UNIQUE,
    filename     TEXT NOT NULL,
    kind         TEXT NOT NULL,
    size         INTEGER NOT NULL,
    page_count   INTEGER NOT NULL,
    status       TEXT NOT NULL DEFAULT 'queued',
    failure      TEXT,
    imported_at  TEXT NOT NULL,
    doc_type     TEXT,
    doc_date     TEXT,
    issuer       TEXT,
    language     TEXT,
    notes        TEXT NOT NULL DEFAULT ''
);

CREATE TABLE originals (
    document_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    data        BLOB NOT NULL
);

CREATE TABLE pages (
    document_id   INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    page_index    INTEGER NOT NULL,
    image_png     BLOB NOT NULL,
    text_layer    TEXT NOT NULL DEFAULT '',
    words_json    TEXT NOT NULL DEFAULT '[]',
    source_width  INTEGER NOT NULL,
    source_height INTEGER NOT NULL,
    content_box   TEXT NOT NULL,
    PRIMARY KEY (document_id, page_index)
);

CREATE TABLE attempts (
    id             INTEGER PRIMARY KEY,
    document_id    INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    page_index     INTEGER NOT NULL,
    strategy       TEXT NOT NULL,
    model          TEXT NOT NULL,
    variant        TEXT,
    prompt_version TEXT NOT NULL,
    started_at     TEXT NOT NULL,
    seconds        REAL NOT NULL,
    tokens         INTEGER NOT NULL,
    requests       INTEGER NOT NULL,
    image_encodes  INTEGER NOT NULL,
    outcome        TEXT NOT NULL,
    stop_reason    TEXT NOT NULL,
    raw_output     TEXT NOT NULL
);
CREATE INDEX attempts_by_document ON attempts(document_id);

CREATE TABLE items (
    id                 INTEGER PRIMARY KEY,
    document_id        INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    page_index         INTEGER NOT NULL,
    domain             TEXT NOT NULL,
    fields_json        TEXT NOT NULL,
    normalized_json    TEXT NOT NULL,
    verification       TEXT NOT NULL,
    field_verification TEXT NOT NULL DEFAULT '{}',
    findings_json      TEXT NOT NULL DEFAULT '[]',
    boxes_json         TEXT NOT NULL DEFAULT '{}',
    review_state       TEXT NOT NULL DEFAULT 'pending',
    attempt_id         INTEGER REFERENCES attempts(id) ON DELETE SET NULL,
    deleted            INTEGER NOT NULL DEFAULT 0,
    created_at         TEXT NOT NULL,
    updated_at         TEXT NOT NULL
);
CREATE INDEX items_by_document ON items(document_id, domain);
