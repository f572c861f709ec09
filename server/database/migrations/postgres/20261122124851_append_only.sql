-- +goose Up
-- The audit trail and the access log are append-only (RULEBOOK PR2, PR3): the
-- database itself refuses to change or remove a row, whoever asks.
-- +goose StatementBegin
CREATE FUNCTION varsel_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'varsel: % is append-only: % refused', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'restrict_violation';
END
$$;
-- +goose StatementEnd
CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION varsel_refuse_change();
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
  FOR EACH STATEMENT EXECUTE FUNCTION varsel_refuse_change();
CREATE TRIGGER access_log_entries_append_only BEFORE UPDATE OR DELETE ON access_log_entries
  FOR EACH ROW EXECUTE FUNCTION varsel_refuse_change();
CREATE TRIGGER access_log_entries_no_truncate BEFORE TRUNCATE ON access_log_entries
  FOR EACH STATEMENT EXECUTE FUNCTION varsel_refuse_change();

-- +goose Down
DROP TRIGGER access_log_entries_no_truncate ON access_log_entries;
DROP TRIGGER access_log_entries_append_only ON access_log_entries;
DROP TRIGGER audit_events_no_truncate ON audit_events;
DROP TRIGGER audit_events_append_only ON audit_events;
DROP FUNCTION varsel_refuse_change();
