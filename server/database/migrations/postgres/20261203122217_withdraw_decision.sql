-- +goose Up
-- modify "decisions" table
ALTER TABLE "decisions" ADD COLUMN "withdrawn_at" timestamptz NULL, ADD COLUMN "withdraw_reason" text NULL, ADD COLUMN "decision_withdrawn_by" bigint NULL, ADD CONSTRAINT "decisions_staff_members_withdrawn_by" FOREIGN KEY ("decision_withdrawn_by") REFERENCES "staff_members" ("id") ON UPDATE NO ACTION ON DELETE SET NULL;

-- +goose Down
-- reverse: modify "decisions" table
ALTER TABLE "decisions" DROP CONSTRAINT "decisions_staff_members_withdrawn_by", DROP COLUMN "decision_withdrawn_by", DROP COLUMN "withdraw_reason", DROP COLUMN "withdrawn_at";
