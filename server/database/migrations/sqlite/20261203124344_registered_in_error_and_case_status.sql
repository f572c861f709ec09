-- +goose Up
-- add column "status_changed_at" to table: "criminal_cases"
ALTER TABLE `criminal_cases` ADD COLUMN `status_changed_at` datetime NULL;
-- add column "registered_in_error_at" to table: "custody_events"
ALTER TABLE `custody_events` ADD COLUMN `registered_in_error_at` datetime NULL;
-- add column "registered_in_error_reason" to table: "custody_events"
ALTER TABLE `custody_events` ADD COLUMN `registered_in_error_reason` text NULL;
-- add column "registered_in_error_at" to table: "guardians"
ALTER TABLE `guardians` ADD COLUMN `registered_in_error_at` datetime NULL;
-- add column "registered_in_error_reason" to table: "guardians"
ALTER TABLE `guardians` ADD COLUMN `registered_in_error_reason` text NULL;
-- add column "registered_in_error_at" to table: "survivors"
ALTER TABLE `survivors` ADD COLUMN `registered_in_error_at` datetime NULL;
-- add column "registered_in_error_reason" to table: "survivors"
ALTER TABLE `survivors` ADD COLUMN `registered_in_error_reason` text NULL;
-- add column "registered_in_error_at" to table: "victims"
ALTER TABLE `victims` ADD COLUMN `registered_in_error_at` datetime NULL;
-- add column "registered_in_error_reason" to table: "victims"
ALTER TABLE `victims` ADD COLUMN `registered_in_error_reason` text NULL;

-- +goose Down
-- reverse: add column "registered_in_error_reason" to table: "victims"
ALTER TABLE `victims` DROP COLUMN `registered_in_error_reason`;
-- reverse: add column "registered_in_error_at" to table: "victims"
ALTER TABLE `victims` DROP COLUMN `registered_in_error_at`;
-- reverse: add column "registered_in_error_reason" to table: "survivors"
ALTER TABLE `survivors` DROP COLUMN `registered_in_error_reason`;
-- reverse: add column "registered_in_error_at" to table: "survivors"
ALTER TABLE `survivors` DROP COLUMN `registered_in_error_at`;
-- reverse: add column "registered_in_error_reason" to table: "guardians"
ALTER TABLE `guardians` DROP COLUMN `registered_in_error_reason`;
-- reverse: add column "registered_in_error_at" to table: "guardians"
ALTER TABLE `guardians` DROP COLUMN `registered_in_error_at`;
-- reverse: add column "registered_in_error_reason" to table: "custody_events"
ALTER TABLE `custody_events` DROP COLUMN `registered_in_error_reason`;
-- reverse: add column "registered_in_error_at" to table: "custody_events"
ALTER TABLE `custody_events` DROP COLUMN `registered_in_error_at`;
-- reverse: add column "status_changed_at" to table: "criminal_cases"
ALTER TABLE `criminal_cases` DROP COLUMN `status_changed_at`;
