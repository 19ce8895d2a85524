-- Schema version 2: the review audit trail. Every change a patient makes to an extracted item is
-- recorded with the old and new value and the time, so the model's original output is never lost
-- and any edit can be undone.

CREATE TABLE item_edits (
    id         INTEGER PRIMARY KEY,
    item_id    INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    at         TEXT NOT NULL,
    action     TEXT NOT NULL CHECK (action IN ('edit', 'add', 'delete', 'confirm', 'undo')),
    old_json   TEXT,
    new_json   TEXT,
    undone     INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX item_edits_by_item ON item_edits(item_id);
CREATE INDEX item_edits_by_document ON item_edits(document_id);

CREATE INDEX items_by_domain ON items(domain) WHERE deleted = 0;
