-- Schema version 3: what the checks noticed about a document as a whole (a page without a text
-- layer, empty entries the model returned and that were left out, pages disagreeing on the date),
-- kept so the patient sees it: nothing the model returned is dropped without saying so.

ALTER TABLE documents ADD COLUMN findings_json TEXT NOT NULL DEFAULT '[]';
