-- Schema version 4: one undo step per action. A patient's action that changes several values at once
-- (confirm the verified values shown, delete a selection) records each change with the same batch,
-- and Undo reverses the whole batch. NULL: a change of its own (every edit before this version).

ALTER TABLE item_edits ADD COLUMN batch INTEGER;
