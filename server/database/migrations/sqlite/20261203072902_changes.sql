-- +goose Up
-- disable the enforcement of foreign-keys constraints
PRAGMA foreign_keys = off;
-- add column "cancelled_at" to table: "custody_events"
ALTER TABLE `custody_events` ADD COLUMN `cancelled_at` datetime NULL;
-- add column "cancel_reason" to table: "custody_events"
ALTER TABLE `custody_events` ADD COLUMN `cancel_reason` text NULL;
-- add column "moved_at" to table: "custody_events"
ALTER TABLE `custody_events` ADD COLUMN `moved_at` datetime NULL;
-- add column "move_reason" to table: "custody_events"
ALTER TABLE `custody_events` ADD COLUMN `move_reason` text NULL;
-- create "new_notices" table
CREATE TABLE `new_notices` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `status` text NOT NULL DEFAULT ('HELD'), `kind` text NOT NULL DEFAULT ('NOTICE'), `route` text NOT NULL, `channel` text NULL, `due_date` datetime NOT NULL, `late` bool NOT NULL DEFAULT (false), `late_justification` text NULL, `early_release_justification` text NULL, `content` json NOT NULL, `written_standard` text NOT NULL, `dedupe_key` text NOT NULL, `sent_at` datetime NULL, `delivered_at` datetime NULL, `phone_reason` text NULL, `phone_documented_at` datetime NULL, `phone_documentation` text NULL, `cancelled_at` datetime NULL, `cancel_reason` text NULL, `custody_event_id` integer NOT NULL, `assessment_id` integer NOT NULL, `victim_id` integer NULL, `survivor_id` integer NULL, `guardian_id` integer NULL, `police_district_id` integer NULL, `corrects_id` integer NULL, CONSTRAINT `notices_custody_events_notices` FOREIGN KEY (`custody_event_id`) REFERENCES `custody_events` (`id`) ON DELETE NO ACTION, CONSTRAINT `notices_assessments_assessment` FOREIGN KEY (`assessment_id`) REFERENCES `assessments` (`id`) ON DELETE NO ACTION, CONSTRAINT `notices_victims_victim` FOREIGN KEY (`victim_id`) REFERENCES `victims` (`id`) ON DELETE SET NULL, CONSTRAINT `notices_survivors_survivor` FOREIGN KEY (`survivor_id`) REFERENCES `survivors` (`id`) ON DELETE SET NULL, CONSTRAINT `notices_guardians_guardian` FOREIGN KEY (`guardian_id`) REFERENCES `guardians` (`id`) ON DELETE SET NULL, CONSTRAINT `notices_police_districts_police_district` FOREIGN KEY (`police_district_id`) REFERENCES `police_districts` (`id`) ON DELETE SET NULL, CONSTRAINT `notices_notices_follow_ups` FOREIGN KEY (`corrects_id`) REFERENCES `notices` (`id`) ON DELETE SET NULL);
-- set sequence for "new_notices" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("new_notices", 55834574848);
-- copy rows from old table "notices" to new temporary table "new_notices"
INSERT INTO `new_notices` (`id`, `created_at`, `updated_at`, `status`, `route`, `channel`, `due_date`, `late`, `late_justification`, `early_release_justification`, `content`, `written_standard`, `dedupe_key`, `sent_at`, `delivered_at`, `phone_reason`, `phone_documented_at`, `phone_documentation`, `cancelled_at`, `cancel_reason`, `custody_event_id`, `assessment_id`, `victim_id`, `survivor_id`, `guardian_id`, `police_district_id`) SELECT `id`, `created_at`, `updated_at`, `status`, `route`, `channel`, `due_date`, `late`, `late_justification`, `early_release_justification`, `content`, `written_standard`, `dedupe_key`, `sent_at`, `delivered_at`, `phone_reason`, `phone_documented_at`, `phone_documentation`, `cancelled_at`, `cancel_reason`, `custody_event_id`, `assessment_id`, `victim_id`, `survivor_id`, `guardian_id`, `police_district_id` FROM `notices`;
-- drop "notices" table after copying rows
DROP TABLE `notices`;
-- rename temporary table "new_notices" to "notices"
ALTER TABLE `new_notices` RENAME TO `notices`;
-- create index "notice_status_due_date" to table: "notices"
CREATE INDEX `notice_status_due_date` ON `notices` (`status`, `due_date`);
-- create index "notice_custody_event_id" to table: "notices"
CREATE INDEX `notice_custody_event_id` ON `notices` (`custody_event_id`);
-- create index "notice_active_dedupe" to table: "notices"
CREATE UNIQUE INDEX `notice_active_dedupe` ON `notices` (`dedupe_key`) WHERE status <> 'CANCELLED';
-- enable back the enforcement of foreign-keys constraints
PRAGMA foreign_keys = on;

-- +goose Down
-- reverse: create index "notice_active_dedupe" to table: "notices"
DROP INDEX `notice_active_dedupe`;
-- reverse: create index "notice_custody_event_id" to table: "notices"
DROP INDEX `notice_custody_event_id`;
-- reverse: create index "notice_status_due_date" to table: "notices"
DROP INDEX `notice_status_due_date`;
-- reverse: set sequence for "new_notices" table
UPDATE sqlite_sequence SET seq = 0 WHERE name = "new_notices";
-- reverse: create "new_notices" table
DROP TABLE `new_notices`;
-- reverse: add column "move_reason" to table: "custody_events"
ALTER TABLE `custody_events` DROP COLUMN `move_reason`;
-- reverse: add column "moved_at" to table: "custody_events"
ALTER TABLE `custody_events` DROP COLUMN `moved_at`;
-- reverse: add column "cancel_reason" to table: "custody_events"
ALTER TABLE `custody_events` DROP COLUMN `cancel_reason`;
-- reverse: add column "cancelled_at" to table: "custody_events"
ALTER TABLE `custody_events` DROP COLUMN `cancelled_at`;
