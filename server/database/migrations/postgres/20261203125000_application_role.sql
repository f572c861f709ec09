-- +goose Up
-- Least privilege (RULEBOOK PR2, PR3). The migrations run as the role that
-- owns the schema; the server runs as a member of varsel_app, which owns
-- nothing: it cannot ALTER a table or switch a trigger off, and it may only
-- read and append to the audit trail and the access log. Its rights on
-- tables made later by the owner (River's, new ones) come from the default
-- privileges. The role is cluster-wide and NOLOGIN; the server's login role
-- is made a member of it (GRANT varsel_app TO ...). An owner without
-- CREATEROLE needs an administrator to create it first.
-- +goose StatementBegin
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'varsel_app') THEN
    BEGIN
      CREATE ROLE varsel_app NOLOGIN;
    EXCEPTION
      -- made meanwhile by the migration of another database on the server
      WHEN duplicate_object OR unique_violation THEN NULL;
      WHEN insufficient_privilege THEN
        RAISE EXCEPTION 'varsel: the role varsel_app does not exist, and % may not create it: have an administrator run CREATE ROLE varsel_app NOLOGIN', current_user;
    END;
  END IF;
  EXECUTE format('GRANT USAGE ON SCHEMA %I TO varsel_app', current_schema());
  EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %I TO varsel_app', current_schema());
  EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA %I TO varsel_app', current_schema());
  EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO varsel_app', current_schema());
  EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT USAGE, SELECT ON SEQUENCES TO varsel_app', current_schema());
  REVOKE UPDATE, DELETE, TRUNCATE ON audit_events, access_log_entries FROM varsel_app;
  -- goose's own table (absent when `make migrations` replays the files)
  IF to_regclass('goose_db_version') IS NOT NULL THEN
    REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON goose_db_version FROM varsel_app;
  END IF;
END
$$;
-- +goose StatementEnd

-- +goose Down
-- +goose StatementBegin
DO $$
BEGIN
  EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I REVOKE ALL ON SEQUENCES FROM varsel_app', current_schema());
  EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I REVOKE ALL ON TABLES FROM varsel_app', current_schema());
  EXECUTE format('REVOKE ALL ON ALL SEQUENCES IN SCHEMA %I FROM varsel_app', current_schema());
  EXECUTE format('REVOKE ALL ON ALL TABLES IN SCHEMA %I FROM varsel_app', current_schema());
  EXECUTE format('REVOKE USAGE ON SCHEMA %I FROM varsel_app', current_schema());
END
$$;
-- +goose StatementEnd
