-- +goose Up
-- The audit trail and the access log are append-only (RULEBOOK PR2, PR3): the
-- database itself refuses to change or remove a row, whoever asks.
-- +goose StatementBegin
CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
BEGIN SELECT RAISE(ABORT, 'varsel: audit_events is append-only: UPDATE refused'); END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
BEGIN SELECT RAISE(ABORT, 'varsel: audit_events is append-only: DELETE refused'); END;
-- +goose StatementEnd
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
DROP TRIGGER audit_events_no_delete;
DROP TRIGGER audit_events_no_update;
