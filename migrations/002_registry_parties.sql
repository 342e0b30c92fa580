-- 002: the collaboration registry's party graph (src/ingest/records/party-graph.ts: which names of the
-- records denote one party), stored with the build as the local build stores it in registry.json, so a
-- bot loading the build reads its parties instead of comparing every name with every other.
-- NULL for a build published before this migration (the bot then finds the graph itself).
ALTER TABLE builds ADD COLUMN registry_parties jsonb;
