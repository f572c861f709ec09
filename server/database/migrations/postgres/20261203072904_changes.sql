-- +goose Up
-- modify "custody_events" table
ALTER TABLE "custody_events" ADD COLUMN "cancelled_at" timestamptz NULL, ADD COLUMN "cancel_reason" text NULL, ADD COLUMN "moved_at" timestamptz NULL, ADD COLUMN "move_reason" text NULL;
-- modify "notices" table
ALTER TABLE "notices" ADD COLUMN "kind" character varying NOT NULL DEFAULT 'NOTICE', ADD COLUMN "corrects_id" bigint NULL, ADD CONSTRAINT "notices_notices_follow_ups" FOREIGN KEY ("corrects_id") REFERENCES "notices" ("id") ON UPDATE NO ACTION ON DELETE SET NULL;

-- +goose Down
-- reverse: modify "notices" table
ALTER TABLE "notices" DROP CONSTRAINT "notices_notices_follow_ups", DROP COLUMN "corrects_id", DROP COLUMN "kind";
-- reverse: modify "custody_events" table
ALTER TABLE "custody_events" DROP COLUMN "move_reason", DROP COLUMN "moved_at", DROP COLUMN "cancel_reason", DROP COLUMN "cancelled_at";
