CREATE TABLE "batch_keys" (
	"run_id" text NOT NULL,
	"key" text NOT NULL,
	"created_at" bigint DEFAULT (extract(epoch from now()) * 1000)::bigint NOT NULL,
	CONSTRAINT "batch_keys_run_id_key_pk" PRIMARY KEY("run_id","key")
);
--> statement-breakpoint
CREATE TABLE "dataset_columns" (
	"dataset_id" integer NOT NULL,
	"position" integer NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"row_count" integer NOT NULL,
	"missing_count" integer NOT NULL,
	"numbers" double precision[],
	"categories" text[],
	"stats" jsonb NOT NULL,
	CONSTRAINT "dataset_columns_dataset_id_name_pk" PRIMARY KEY("dataset_id","name")
);
--> statement-breakpoint
CREATE TABLE "datasets" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "datasets_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"name" text NOT NULL,
	"digest" text NOT NULL,
	"source" text DEFAULT '' NOT NULL,
	"source_type" text DEFAULT '' NOT NULL,
	"schema" jsonb,
	"profiled_at" bigint,
	"created_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "experiments" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "experiments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"created_at" bigint NOT NULL,
	"updated_at" bigint NOT NULL,
	"archived_at" bigint
);
--> statement-breakpoint
CREATE TABLE "latest_metrics" (
	"run_id" text NOT NULL,
	"key" text NOT NULL,
	"step" bigint NOT NULL,
	"timestamp" bigint NOT NULL,
	"value" double precision NOT NULL,
	CONSTRAINT "latest_metrics_run_id_key_pk" PRIMARY KEY("run_id","key")
);
--> statement-breakpoint
CREATE TABLE "metric_rollups" (
	"run_id" text NOT NULL,
	"key" text NOT NULL,
	"width" integer NOT NULL,
	"bucket" bigint NOT NULL,
	"count" integer NOT NULL,
	"first_step" bigint NOT NULL,
	"first_ts" bigint NOT NULL,
	"first_value" double precision NOT NULL,
	"last_step" bigint NOT NULL,
	"last_ts" bigint NOT NULL,
	"last_value" double precision NOT NULL,
	"min_step" bigint,
	"min_ts" bigint,
	"min_value" double precision,
	"max_step" bigint,
	"max_ts" bigint,
	"max_value" double precision,
	CONSTRAINT "metric_rollups_run_id_key_width_bucket_pk" PRIMARY KEY("run_id","key","width","bucket")
);
--> statement-breakpoint
CREATE TABLE "metrics" (
	"run_id" text NOT NULL,
	"key" text NOT NULL,
	"step" bigint NOT NULL,
	"timestamp" bigint NOT NULL,
	"value" double precision NOT NULL
);
--> statement-breakpoint
CREATE TABLE "params" (
	"run_id" text NOT NULL,
	"key" text NOT NULL,
	"value" text NOT NULL,
	CONSTRAINT "params_run_id_key_pk" PRIMARY KEY("run_id","key")
);
--> statement-breakpoint
CREATE TABLE "run_inputs" (
	"run_id" text NOT NULL,
	"dataset_id" integer NOT NULL,
	"context" text DEFAULT '' NOT NULL,
	CONSTRAINT "run_inputs_run_id_dataset_id_context_pk" PRIMARY KEY("run_id","dataset_id","context")
);
--> statement-breakpoint
CREATE TABLE "runs" (
	"id" text PRIMARY KEY NOT NULL,
	"experiment_id" integer NOT NULL,
	"name" text NOT NULL,
	"status" text NOT NULL,
	"start_time" bigint NOT NULL,
	"end_time" bigint,
	"user_id" text DEFAULT '' NOT NULL,
	"source_commit" text,
	"notes" text DEFAULT '' NOT NULL,
	"updated_at" bigint NOT NULL,
	"deleted_at" bigint
);
--> statement-breakpoint
CREATE TABLE "tags" (
	"run_id" text NOT NULL,
	"key" text NOT NULL,
	"value" text NOT NULL,
	CONSTRAINT "tags_run_id_key_pk" PRIMARY KEY("run_id","key")
);
--> statement-breakpoint
ALTER TABLE "batch_keys" ADD CONSTRAINT "batch_keys_run_id_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dataset_columns" ADD CONSTRAINT "dataset_columns_dataset_id_datasets_id_fk" FOREIGN KEY ("dataset_id") REFERENCES "public"."datasets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "latest_metrics" ADD CONSTRAINT "latest_metrics_run_id_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "metric_rollups" ADD CONSTRAINT "metric_rollups_run_id_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "params" ADD CONSTRAINT "params_run_id_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "run_inputs" ADD CONSTRAINT "run_inputs_run_id_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "run_inputs" ADD CONSTRAINT "run_inputs_dataset_id_datasets_id_fk" FOREIGN KEY ("dataset_id") REFERENCES "public"."datasets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "runs" ADD CONSTRAINT "runs_experiment_id_experiments_id_fk" FOREIGN KEY ("experiment_id") REFERENCES "public"."experiments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tags" ADD CONSTRAINT "tags_run_id_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "datasets_name_digest_key" ON "datasets" USING btree ("name","digest");--> statement-breakpoint
CREATE UNIQUE INDEX "experiments_name_key" ON "experiments" USING btree ("name");--> statement-breakpoint
CREATE INDEX "latest_metrics_key_value_idx" ON "latest_metrics" USING btree ("key","value");--> statement-breakpoint
CREATE INDEX "params_key_value_idx" ON "params" USING btree ("key","value");--> statement-breakpoint
CREATE INDEX "run_inputs_dataset_idx" ON "run_inputs" USING btree ("dataset_id");--> statement-breakpoint
CREATE INDEX "runs_experiment_start_idx" ON "runs" USING btree ("experiment_id","start_time");--> statement-breakpoint
CREATE INDEX "runs_experiment_updated_idx" ON "runs" USING btree ("experiment_id","updated_at");--> statement-breakpoint
CREATE INDEX "tags_key_value_idx" ON "tags" USING btree ("key","value");