-- +goose Up
-- add column "answer_by" to table: "police_requests"
ALTER TABLE `police_requests` ADD COLUMN `answer_by` datetime NULL;

-- +goose Down
-- reverse: add column "answer_by" to table: "police_requests"
ALTER TABLE `police_requests` DROP COLUMN `answer_by`;
