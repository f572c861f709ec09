-- +goose Up
-- SQLite rebuilt access_log_entries in the previous migration (a column
-- became nullable), which dropped its triggers. The access log stays
-- append-only (RULEBOOK PR2): the database refuses to change or remove a row.
-- +goose StatementBegin
CREATE TRIGGER access_log_entries_no_update BEFORE UPDATE ON access_log_entries
BEGIN SELECT RAISE(ABORT, 'varsel: access_log_entries is append-only: UPDATE refused'); END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER access_log_entries_no_delete BEFORE DELETE ON access_log_entries
BEGIN SELECT RAISE(ABORT, 'varsel: access_log_entries is append-only: DELETE refused'); END;
-- +goose StatementEnd

-- +goose Down
DROP TRIGGER access_log_entries_no_delete;
DROP TRIGGER access_log_entries_no_update;
