-- Schema version 6: an original file is stored in parts of a few MiB, each its own row, so storing a
-- 130 MB scan never needs the whole file copied twice more inside SQLite (the bound value and the
-- record built from it: 3x the file at once). The document's row in `originals` stays, with an empty
-- blob; originals stored before this version keep their bytes there and have no parts.

CREATE TABLE original_parts (
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    part        INTEGER NOT NULL,
    data        BLOB NOT NULL,
    PRIMARY KEY (document_id, part)
);
