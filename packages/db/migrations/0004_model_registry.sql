CREATE TABLE "alias_history" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "alias_history_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"model_id" integer NOT NULL,
	"alias" text NOT NULL,
	"version_id" integer,
	"previous_version_id" integer,
	"moved_at" bigint NOT NULL,
	"moved_by" integer,
	"reason" text NOT NULL,
	"request_id" integer
);
--> statement-breakpoint
CREATE TABLE "approvals" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "approvals_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"request_id" integer NOT NULL,
	"user_id" integer NOT NULL,
	"role" text NOT NULL,
	"decision" text NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"created_at" bigint NOT NULL,
	"reset_at" bigint
);
--> statement-breakpoint
CREATE TABLE "gate_evidence" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "gate_evidence_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"version_id" integer NOT NULL,
	"evidence" jsonb NOT NULL,
	"digest" text NOT NULL,
	"submitted_at" bigint NOT NULL,
	"submitted_by" integer
);
--> statement-breakpoint
CREATE TABLE "gate_results" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "gate_results_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"version_id" integer NOT NULL,
	"passed" boolean NOT NULL,
	"results" jsonb NOT NULL,
	"policy_digest" text NOT NULL,
	"evidence_digest" text NOT NULL,
	"evaluated_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "model_aliases" (
	"model_id" integer NOT NULL,
	"alias" text NOT NULL,
	"version_id" integer NOT NULL,
	"updated_at" bigint NOT NULL,
	CONSTRAINT "model_aliases_model_id_alias_pk" PRIMARY KEY("model_id","alias")
);
--> statement-breakpoint
CREATE TABLE "model_versions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "model_versions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"model_id" integer NOT NULL,
	"version" integer NOT NULL,
	"source_run_id" text,
	"artifact_uri" text NOT NULL,
	"artifact_sha256" text NOT NULL,
	"artifact_size" bigint NOT NULL,
	"signature" jsonb,
	"training_dataset_id" integer,
	"eval_dataset_id" integer,
	"card_markdown" text DEFAULT '' NOT NULL,
	"feature_importances" jsonb,
	"description" text DEFAULT '' NOT NULL,
	"evidence_revision" integer DEFAULT 1 NOT NULL,
	"created_at" bigint NOT NULL,
	"created_by" integer
);
--> statement-breakpoint
CREATE TABLE "promotion_requests" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "promotion_requests_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"model_id" integer NOT NULL,
	"version_id" integer NOT NULL,
	"alias" text NOT NULL,
	"justification" text NOT NULL,
	"state" text NOT NULL,
	"requested_by" integer NOT NULL,
	"requested_at" bigint NOT NULL,
	"expires_at" bigint NOT NULL,
	"decided_at" bigint,
	"applied_at" bigint,
	"evidence_revision" integer NOT NULL,
	"bundle" jsonb,
	"bundle_hash" text,
	"reset_reason" text
);
--> statement-breakpoint
CREATE TABLE "registered_models" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "registered_models_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"owner_team_id" integer,
	"tags" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"risk_rating" text DEFAULT 'medium' NOT NULL,
	"gate_policy" jsonb NOT NULL,
	"created_at" bigint NOT NULL,
	"created_by" integer,
	"updated_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "review_items" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "review_items_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"kind" text NOT NULL,
	"model_id" integer NOT NULL,
	"alias" text NOT NULL,
	"from_version_id" integer,
	"to_version_id" integer,
	"reason" text NOT NULL,
	"created_at" bigint NOT NULL,
	"created_by" integer,
	"resolved_at" bigint,
	"resolved_by" integer,
	"resolution" text
);
--> statement-breakpoint
ALTER TABLE "alias_history" ADD CONSTRAINT "alias_history_model_id_registered_models_id_fk" FOREIGN KEY ("model_id") REFERENCES "public"."registered_models"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alias_history" ADD CONSTRAINT "alias_history_version_id_model_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."model_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alias_history" ADD CONSTRAINT "alias_history_previous_version_id_model_versions_id_fk" FOREIGN KEY ("previous_version_id") REFERENCES "public"."model_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "approvals" ADD CONSTRAINT "approvals_request_id_promotion_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."promotion_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gate_evidence" ADD CONSTRAINT "gate_evidence_version_id_model_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."model_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gate_results" ADD CONSTRAINT "gate_results_version_id_model_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."model_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "model_aliases" ADD CONSTRAINT "model_aliases_model_id_registered_models_id_fk" FOREIGN KEY ("model_id") REFERENCES "public"."registered_models"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "model_aliases" ADD CONSTRAINT "model_aliases_version_id_model_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."model_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "model_versions" ADD CONSTRAINT "model_versions_model_id_registered_models_id_fk" FOREIGN KEY ("model_id") REFERENCES "public"."registered_models"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "model_versions" ADD CONSTRAINT "model_versions_source_run_id_runs_id_fk" FOREIGN KEY ("source_run_id") REFERENCES "public"."runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "model_versions" ADD CONSTRAINT "model_versions_training_dataset_id_datasets_id_fk" FOREIGN KEY ("training_dataset_id") REFERENCES "public"."datasets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "model_versions" ADD CONSTRAINT "model_versions_eval_dataset_id_datasets_id_fk" FOREIGN KEY ("eval_dataset_id") REFERENCES "public"."datasets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "promotion_requests" ADD CONSTRAINT "promotion_requests_model_id_registered_models_id_fk" FOREIGN KEY ("model_id") REFERENCES "public"."registered_models"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "promotion_requests" ADD CONSTRAINT "promotion_requests_version_id_model_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."model_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registered_models" ADD CONSTRAINT "registered_models_owner_team_id_teams_id_fk" FOREIGN KEY ("owner_team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_items" ADD CONSTRAINT "review_items_model_id_registered_models_id_fk" FOREIGN KEY ("model_id") REFERENCES "public"."registered_models"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "alias_history_model_alias_idx" ON "alias_history" USING btree ("model_id","alias","moved_at");--> statement-breakpoint
CREATE INDEX "approvals_request_idx" ON "approvals" USING btree ("request_id");--> statement-breakpoint
CREATE INDEX "gate_evidence_version_idx" ON "gate_evidence" USING btree ("version_id","submitted_at");--> statement-breakpoint
CREATE INDEX "gate_results_version_idx" ON "gate_results" USING btree ("version_id","evaluated_at");--> statement-breakpoint
CREATE UNIQUE INDEX "model_versions_model_version_key" ON "model_versions" USING btree ("model_id","version");--> statement-breakpoint
CREATE INDEX "model_versions_run_idx" ON "model_versions" USING btree ("source_run_id");--> statement-breakpoint
CREATE INDEX "promotion_requests_state_idx" ON "promotion_requests" USING btree ("state","requested_at");--> statement-breakpoint
CREATE INDEX "promotion_requests_model_idx" ON "promotion_requests" USING btree ("model_id");--> statement-breakpoint
CREATE UNIQUE INDEX "registered_models_name_key" ON "registered_models" USING btree ("name");