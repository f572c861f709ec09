-- +goose Up
-- Decisions recorded before reasons were required (DC1) say so.
UPDATE decisions SET reasoning = 'Begrunnelsen ble ikke registrert.' WHERE reasoning IS NULL OR reasoning = '';
-- DRAFT was never a notice's status in use; a notice starts HELD.
UPDATE notices SET status = 'HELD' WHERE status = 'DRAFT';
-- modify "appeals" table
ALTER TABLE "appeals" ADD COLUMN "representative_name" character varying NULL;
-- modify "decisions" table
ALTER TABLE "decisions" ALTER COLUMN "reasoning" SET NOT NULL, ADD COLUMN "reasons_withheld" character varying NULL;
-- drop index "notices_dedupe_key_key" from table: "notices"
DROP INDEX "notices_dedupe_key_key";
-- modify "notices" table
ALTER TABLE "notices" ALTER COLUMN "status" SET DEFAULT 'HELD';
-- create index "notice_active_dedupe" to table: "notices"
CREATE UNIQUE INDEX "notice_active_dedupe" ON "notices" ("dedupe_key") WHERE ((status)::text <> 'CANCELLED'::text);
-- modify "police_requests" table
ALTER TABLE "police_requests" ADD COLUMN "withdrawn_at" timestamptz NULL, ADD COLUMN "withdraw_reason" text NULL;
-- modify "security_assessments" table
ALTER TABLE "security_assessments" ADD COLUMN "kind" character varying NOT NULL DEFAULT 'ASSESSMENT', ADD COLUMN "police_statement_at" timestamptz NULL;
-- modify "disclosures" table
ALTER TABLE "disclosures" ADD COLUMN "verified_at" timestamptz NULL, ADD COLUMN "verification" text NULL, ADD COLUMN "decision_basis" text NULL, ADD COLUMN "disclosure_verified_by" bigint NULL, ADD CONSTRAINT "disclosures_staff_members_verified_by" FOREIGN KEY ("disclosure_verified_by") REFERENCES "staff_members" ("id") ON UPDATE NO ACTION ON DELETE SET NULL;

-- +goose Down
-- reverse: modify "disclosures" table
ALTER TABLE "disclosures" DROP CONSTRAINT "disclosures_staff_members_verified_by", DROP COLUMN "disclosure_verified_by", DROP COLUMN "decision_basis", DROP COLUMN "verification", DROP COLUMN "verified_at";
-- reverse: modify "security_assessments" table
ALTER TABLE "security_assessments" DROP COLUMN "police_statement_at", DROP COLUMN "kind";
-- reverse: modify "police_requests" table
ALTER TABLE "police_requests" DROP COLUMN "withdraw_reason", DROP COLUMN "withdrawn_at";
-- reverse: create index "notice_active_dedupe" to table: "notices"
DROP INDEX "notice_active_dedupe";
-- reverse: modify "notices" table
ALTER TABLE "notices" ALTER COLUMN "status" SET DEFAULT 'DRAFT';
-- reverse: drop index "notices_dedupe_key_key" from table: "notices"
CREATE UNIQUE INDEX "notices_dedupe_key_key" ON "notices" ("dedupe_key");
-- reverse: modify "decisions" table
ALTER TABLE "decisions" DROP COLUMN "reasons_withheld", ALTER COLUMN "reasoning" DROP NOT NULL;
-- reverse: modify "appeals" table
ALTER TABLE "appeals" DROP COLUMN "representative_name";
