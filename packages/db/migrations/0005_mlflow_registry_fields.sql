ALTER TABLE "experiments" ADD COLUMN "tags" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "model_versions" ADD COLUMN "tags" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "model_versions" ADD COLUMN "run_link" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "model_versions" ADD COLUMN "archived_at" bigint;--> statement-breakpoint
ALTER TABLE "model_versions" ADD COLUMN "deleted_at" bigint;--> statement-breakpoint
ALTER TABLE "model_versions" ADD COLUMN "updated_at" bigint;