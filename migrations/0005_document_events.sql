-- Schema version 5: what the patient did to a document as a whole (marked it reviewed, or as
-- needing review again) is kept with its time, so History lists it beside the changes to its values.

CREATE TABLE document_events (
    id          INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    at          TEXT NOT NULL,
    action      TEXT NOT NULL CHECK (action IN ('reviewed', 'needs_review'))
);
CREATE INDEX document_events_by_document ON document_events(document_id);
