-- +goose Up
-- modify "criminal_cases" table
ALTER TABLE "criminal_cases" ADD COLUMN "status_changed_at" timestamptz NULL;
-- modify "custody_events" table
ALTER TABLE "custody_events" ADD COLUMN "registered_in_error_at" timestamptz NULL, ADD COLUMN "registered_in_error_reason" text NULL;
-- modify "guardians" table
ALTER TABLE "guardians" ADD COLUMN "registered_in_error_at" timestamptz NULL, ADD COLUMN "registered_in_error_reason" text NULL;
-- modify "survivors" table
ALTER TABLE "survivors" ADD COLUMN "registered_in_error_at" timestamptz NULL, ADD COLUMN "registered_in_error_reason" text NULL;
-- modify "victims" table
ALTER TABLE "victims" ADD COLUMN "registered_in_error_at" timestamptz NULL, ADD COLUMN "registered_in_error_reason" text NULL;

-- +goose Down
-- reverse: modify "victims" table
ALTER TABLE "victims" DROP COLUMN "registered_in_error_reason", DROP COLUMN "registered_in_error_at";
-- reverse: modify "survivors" table
ALTER TABLE "survivors" DROP COLUMN "registered_in_error_reason", DROP COLUMN "registered_in_error_at";
-- reverse: modify "guardians" table
ALTER TABLE "guardians" DROP COLUMN "registered_in_error_reason", DROP COLUMN "registered_in_error_at";
-- reverse: modify "custody_events" table
ALTER TABLE "custody_events" DROP COLUMN "registered_in_error_reason", DROP COLUMN "registered_in_error_at";
-- reverse: modify "criminal_cases" table
ALTER TABLE "criminal_cases" DROP COLUMN "status_changed_at";
