-- +goose Up
-- create "corrections" table
CREATE TABLE `corrections` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `subject` text NOT NULL, `subject_id` integer NOT NULL, `changed` json NOT NULL, `reason` text NOT NULL, `convict_id` integer NOT NULL, `correction_recorded_by` integer NULL, CONSTRAINT `corrections_convicts_convict` FOREIGN KEY (`convict_id`) REFERENCES `convicts` (`id`) ON DELETE NO ACTION, CONSTRAINT `corrections_staff_members_recorded_by` FOREIGN KEY (`correction_recorded_by`) REFERENCES `staff_members` (`id`) ON DELETE SET NULL);
-- set sequence for "corrections" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("corrections", 115964116992);
-- create index "correction_convict_id" to table: "corrections"
CREATE INDEX `correction_convict_id` ON `corrections` (`convict_id`);

-- +goose Down
-- reverse: create index "correction_convict_id" to table: "corrections"
DROP INDEX `correction_convict_id`;
-- reverse: set sequence for "corrections" table
UPDATE sqlite_sequence SET seq = 0 WHERE name = "corrections";
-- reverse: create "corrections" table
DROP TABLE `corrections`;
