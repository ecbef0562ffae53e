CREATE TABLE "alert_events" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "alert_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"alert_id" integer NOT NULL,
	"at" bigint NOT NULL,
	"kind" text NOT NULL,
	"actor_id" integer,
	"window_id" integer,
	"value" double precision,
	"detail" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "alert_rules" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "alert_rules_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"model_id" integer NOT NULL,
	"alias" text DEFAULT '' NOT NULL,
	"name" text NOT NULL,
	"rule" jsonb NOT NULL,
	"webhook_url" text,
	"webhook_secret" text,
	"cooldown_ms" bigint NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"status" text DEFAULT 'ok' NOT NULL,
	"breach_streak" integer DEFAULT 0 NOT NULL,
	"recover_streak" integer DEFAULT 0 NOT NULL,
	"last_window_id" integer,
	"last_triggered_at" bigint,
	"created_at" bigint NOT NULL,
	"created_by" integer,
	"updated_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "alerts" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "alerts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"rule_id" integer NOT NULL,
	"model_id" integer NOT NULL,
	"version_id" integer NOT NULL,
	"alias" text DEFAULT '' NOT NULL,
	"state" text NOT NULL,
	"value" double precision,
	"reason" text NOT NULL,
	"opened_at" bigint NOT NULL,
	"opened_window_id" integer,
	"acknowledged_at" bigint,
	"acknowledged_by" integer,
	"resolved_at" bigint,
	"resolved_window_id" integer
);
--> statement-breakpoint
CREATE TABLE "monitor_predictions" (
	"model_id" integer NOT NULL,
	"prediction_id" text NOT NULL,
	"window_id" integer NOT NULL,
	"predicted" text NOT NULL,
	"actual" text,
	"labelled_at" bigint,
	CONSTRAINT "monitor_predictions_model_id_prediction_id_pk" PRIMARY KEY("model_id","prediction_id")
);
--> statement-breakpoint
CREATE TABLE "monitor_windows" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "monitor_windows_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"model_id" integer NOT NULL,
	"version_id" integer NOT NULL,
	"alias" text DEFAULT '' NOT NULL,
	"window_start" bigint NOT NULL,
	"window_end" bigint NOT NULL,
	"prediction_count" integer NOT NULL,
	"latency_p50" double precision,
	"latency_p95" double precision,
	"latency_p99" double precision,
	"latency_count" integer,
	"latency_method" text,
	"drift" jsonb,
	"drifted_share" double precision,
	"dataset_drift" boolean,
	"prediction_summary" jsonb NOT NULL,
	"evaluation" jsonb,
	"labelled_count" integer DEFAULT 0 NOT NULL,
	"computed_at" bigint NOT NULL,
	"created_by" integer
);
--> statement-breakpoint
CREATE TABLE "webhook_attempts" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "webhook_attempts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"delivery_id" integer NOT NULL,
	"at" bigint NOT NULL,
	"duration_ms" integer NOT NULL,
	"status" integer,
	"error" text,
	"response_body" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "webhook_deliveries" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "webhook_deliveries_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"rule_id" integer NOT NULL,
	"alert_id" integer,
	"url" text NOT NULL,
	"message_id" text NOT NULL,
	"payload" jsonb NOT NULL,
	"reason" text NOT NULL,
	"state" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" bigint,
	"last_status" integer,
	"last_error" text,
	"created_at" bigint NOT NULL,
	"delivered_at" bigint
);
--> statement-breakpoint
CREATE TABLE "kpi_comments" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "kpi_comments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"kpi_id" integer NOT NULL,
	"author_id" integer NOT NULL,
	"body" text NOT NULL,
	"promotion_request_id" integer,
	"created_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "kpi_models" (
	"kpi_id" integer NOT NULL,
	"model_id" integer NOT NULL,
	CONSTRAINT "kpi_models_kpi_id_model_id_pk" PRIMARY KEY("kpi_id","model_id")
);
--> statement-breakpoint
CREATE TABLE "kpi_observations" (
	"kpi_id" integer NOT NULL,
	"at" bigint NOT NULL,
	"value" double precision NOT NULL,
	"source" text NOT NULL,
	"recorded_at" bigint NOT NULL,
	CONSTRAINT "kpi_observations_kpi_id_at_pk" PRIMARY KEY("kpi_id","at")
);
--> statement-breakpoint
CREATE TABLE "kpis" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "kpis_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"unit" text DEFAULT '' NOT NULL,
	"direction" text NOT NULL,
	"target" double precision NOT NULL,
	"owner_id" integer,
	"created_at" bigint NOT NULL,
	"created_by" integer,
	"updated_at" bigint NOT NULL
);
--> statement-breakpoint
ALTER TABLE "alert_events" ADD CONSTRAINT "alert_events_alert_id_alerts_id_fk" FOREIGN KEY ("alert_id") REFERENCES "public"."alerts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert_rules" ADD CONSTRAINT "alert_rules_model_id_registered_models_id_fk" FOREIGN KEY ("model_id") REFERENCES "public"."registered_models"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_rule_id_alert_rules_id_fk" FOREIGN KEY ("rule_id") REFERENCES "public"."alert_rules"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitor_predictions" ADD CONSTRAINT "monitor_predictions_window_id_monitor_windows_id_fk" FOREIGN KEY ("window_id") REFERENCES "public"."monitor_windows"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitor_windows" ADD CONSTRAINT "monitor_windows_model_id_registered_models_id_fk" FOREIGN KEY ("model_id") REFERENCES "public"."registered_models"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitor_windows" ADD CONSTRAINT "monitor_windows_version_id_model_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."model_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_attempts" ADD CONSTRAINT "webhook_attempts_delivery_id_webhook_deliveries_id_fk" FOREIGN KEY ("delivery_id") REFERENCES "public"."webhook_deliveries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_rule_id_alert_rules_id_fk" FOREIGN KEY ("rule_id") REFERENCES "public"."alert_rules"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_alert_id_alerts_id_fk" FOREIGN KEY ("alert_id") REFERENCES "public"."alerts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi_comments" ADD CONSTRAINT "kpi_comments_kpi_id_kpis_id_fk" FOREIGN KEY ("kpi_id") REFERENCES "public"."kpis"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi_comments" ADD CONSTRAINT "kpi_comments_promotion_request_id_promotion_requests_id_fk" FOREIGN KEY ("promotion_request_id") REFERENCES "public"."promotion_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi_models" ADD CONSTRAINT "kpi_models_kpi_id_kpis_id_fk" FOREIGN KEY ("kpi_id") REFERENCES "public"."kpis"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi_models" ADD CONSTRAINT "kpi_models_model_id_registered_models_id_fk" FOREIGN KEY ("model_id") REFERENCES "public"."registered_models"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi_observations" ADD CONSTRAINT "kpi_observations_kpi_id_kpis_id_fk" FOREIGN KEY ("kpi_id") REFERENCES "public"."kpis"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpis" ADD CONSTRAINT "kpis_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "alert_events_alert_idx" ON "alert_events" USING btree ("alert_id","at");--> statement-breakpoint
CREATE INDEX "alert_rules_model_idx" ON "alert_rules" USING btree ("model_id");--> statement-breakpoint
CREATE INDEX "alerts_model_idx" ON "alerts" USING btree ("model_id","opened_at");--> statement-breakpoint
CREATE INDEX "alerts_state_idx" ON "alerts" USING btree ("state");--> statement-breakpoint
CREATE INDEX "monitor_predictions_window_idx" ON "monitor_predictions" USING btree ("window_id");--> statement-breakpoint
CREATE UNIQUE INDEX "monitor_windows_key" ON "monitor_windows" USING btree ("version_id","alias","window_start");--> statement-breakpoint
CREATE INDEX "monitor_windows_model_idx" ON "monitor_windows" USING btree ("model_id","window_start");--> statement-breakpoint
CREATE INDEX "webhook_attempts_delivery_idx" ON "webhook_attempts" USING btree ("delivery_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "webhook_deliveries_message_key" ON "webhook_deliveries" USING btree ("message_id");--> statement-breakpoint
CREATE INDEX "webhook_deliveries_due_idx" ON "webhook_deliveries" USING btree ("state","next_attempt_at");--> statement-breakpoint
CREATE INDEX "webhook_deliveries_rule_idx" ON "webhook_deliveries" USING btree ("rule_id","created_at");--> statement-breakpoint
CREATE INDEX "kpi_comments_kpi_idx" ON "kpi_comments" USING btree ("kpi_id","created_at");--> statement-breakpoint
CREATE INDEX "kpi_comments_request_idx" ON "kpi_comments" USING btree ("promotion_request_id");--> statement-breakpoint
CREATE UNIQUE INDEX "kpis_name_key" ON "kpis" USING btree ("name");