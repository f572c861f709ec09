-- +goose Up
-- modify "police_requests" table
ALTER TABLE "police_requests" ADD COLUMN "answer_by" date NULL;

-- +goose Down
-- reverse: modify "police_requests" table
ALTER TABLE "police_requests" DROP COLUMN "answer_by";
