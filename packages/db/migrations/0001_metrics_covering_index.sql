-- Chart reads fetch (step, timestamp, value) for one run and key in step order;
-- INCLUDE lets them answer from the index alone.
CREATE INDEX "metrics_run_key_step_idx" ON "metrics" ("run_id", "key", "step") INCLUDE ("timestamp", "value");
