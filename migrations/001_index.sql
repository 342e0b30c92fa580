-- 001: the index in PostgreSQL (src/index/postgres). Every row of a build's content carries the range of
-- builds it belongs to (from_build <= b and b < until_build, NULL = still live), so an incremental publish
-- writes only the changed chunks, and one `current_build` row, switched in the publishing transaction, says
-- which build the bots read. A reader keeps reading the build it opened while a newer one goes live.
CREATE EXTENSION IF NOT EXISTS vector;

CREATE TABLE builds (
  seq bigint PRIMARY KEY,
  build_id text NOT NULL UNIQUE,
  -- The Manifest (src/index/types.ts) as JSON, exactly as the local build's manifest.json.
  manifest jsonb NOT NULL,
  lexical_version text NOT NULL,
  embedder_id text NOT NULL,
  dimension integer NOT NULL,
  chunk_count integer NOT NULL,
  -- Per lexical field: the sum of the field lengths over the build's chunks (BM25's average length).
  field_totals bigint[] NOT NULL,
  -- The collaboration registry's records (CollabRecord[]), NULL for a build without one.
  registry jsonb,
  published_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE current_build (
  singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  build_seq bigint NOT NULL REFERENCES builds (seq)
);

CREATE TABLE chunks (
  seq bigserial PRIMARY KEY,
  from_build bigint NOT NULL,
  until_build bigint,
  -- The chunk's ordinal in the local build it came from: its number for the lexical engine, and the order
  -- rankings break ties in (the same as the local backend's).
  ordinal integer NOT NULL,
  chunk_id text NOT NULL,
  doc_id text NOT NULL,
  position integer NOT NULL,
  -- sha256 of what the row's content depends on (embedder, analyzer, ordinal, chunk): equal keys are kept.
  content_key text NOT NULL,
  -- The StoredChunk as JSON.
  data text NOT NULL,
  -- Per lexical field: the chunk's field length.
  lengths integer[] NOT NULL,
  -- The "Long Name (ACR)" entries the chunk's article defines, on the article's first chunk only.
  aliases jsonb,
  dimension integer NOT NULL,
  -- Untyped so that builds of embedders with other dimensions can live side by side; the HNSW index is an
  -- expression index per dimension (created by the first publish of that dimension, see publish.ts).
  embedding vector NOT NULL
);
CREATE INDEX chunks_by_ordinal ON chunks (ordinal, from_build);
CREATE INDEX chunks_live ON chunks (from_build, until_build);

-- The lexical postings: the project's own analyzer output (src/index/lexical.ts), one row per
-- (chunk, field, term), `packed` = tf << 16 | field length as in bm25.ts. Searched by term (btree, byte order
-- like the local SQLite build so prefix ranges match), never loaded whole.
-- The chunk's ordinal and build range are repeated here so that a term's postings are one index range scan.
CREATE TABLE postings (
  chunk_seq bigint NOT NULL REFERENCES chunks (seq) ON DELETE CASCADE,
  term text COLLATE "C" NOT NULL,
  field smallint NOT NULL,
  ordinal integer NOT NULL,
  packed bigint NOT NULL,
  from_build bigint NOT NULL,
  until_build bigint
);
CREATE INDEX postings_by_term ON postings (term, field, ordinal) INCLUDE (packed, from_build, until_build);
CREATE INDEX postings_by_chunk ON postings (chunk_seq);
