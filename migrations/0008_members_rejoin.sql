DROP INDEX "members_id_number_hash_idx";--> statement-breakpoint
CREATE UNIQUE INDEX "members_id_number_hash_idx" ON "members" USING btree ("id_number_hash") WHERE "members"."left_on" is null;