ALTER TABLE "model_versions" ALTER COLUMN "artifact_sha256" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "model_versions" ALTER COLUMN "artifact_size" DROP NOT NULL;