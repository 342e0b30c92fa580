// `npm run bench:discord -- [--corpus DIR | --chunks N] [options]`: how fast the bot acknowledges /ask under
// sustained load. The real bot (createBot, the real discord.js client) with the pooled service runs against
// the fake Discord of test/fixtures/fake-discord on 127.0.0.1; bursts of /ask from distinct users arrive every
// few seconds, first with no reindex running, then with full reindexes running back to back. For every
// interaction it measures the time from the gateway dispatch to the acknowledgement reaching the fake (the
// 3-second rule), and whether it was answered or told "busy". A benchmark, not a test: it prints figures.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { loadConfig, type Config } from '../src/config.ts';
import { createBot } from '../src/discord/bot.ts';
import { t } from '../src/i18n/index.ts';
import { silentLogger } from '../src/log.ts';
import { createPooledService } from '../src/service/pooled.ts';
import { createService } from '../src/service/service.ts';
import type { CollabService } from '../src/service/types.ts';
import { FakeDiscord, type RecordedRequest, type SentInteraction } from '../test/fixtures/fake-discord/server.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const USAGE = `Usage: npm run bench:discord -- [options]

Options:
  --corpus DIR      articles to index (default: generate one with scripts/gen-corpus.mjs)
  --chunks N        size of the generated corpus, in chunks (default 4600: about 1,000 articles)
  --index DIR       where the index is built (default: a temp directory, removed afterwards)
  --burst N         /ask per burst (default 50)
  --every S         seconds between bursts (default 4)
  --seconds S       length of each phase (default 40: bursts at 0, 4, ... 40 s)
  --phases LIST     comma-separated: idle, reindex (default idle,reindex)
  --in-process      answer on the bot's event loop (the in-process service), for comparison
  --warmup N        bursts sent (and waited for) before measuring, not counted (default 1; 0 = measure cold)
  --settle-seconds S  after the last burst, how long an interaction may take before it counts as unanswered (120)
Pool size and queue bound come from ASK_WORKERS, ASK_TASKS_PER_WORKER, ASK_QUEUE (environment or .env).`;

const { values } = parseArgs({
  options: {
    corpus: { type: 'string' },
    chunks: { type: 'string', default: '4600' },
    index: { type: 'string' },
    burst: { type: 'string', default: '50' },
    every: { type: 'string', default: '4' },
    seconds: { type: 'string', default: '40' },
    phases: { type: 'string', default: 'idle,reindex' },
    'in-process': { type: 'boolean', default: false },
    warmup: { type: 'string', default: '1' },
    'settle-seconds': { type: 'string', default: '120' },
    help: { type: 'boolean', default: false },
  },
});
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}

type Outcome = 'answered' | 'busy' | 'error' | 'unanswered';
interface Sample {
  burst?: number;
  ackMs: number | undefined;
  outcome: Outcome;
  answerMs: number | undefined;
}

/** The corpus generator: the in-repo copy (scripts/gen-corpus.mjs), else the one in ../shared/bench. */
function generatorPath(): string {
  for (const candidate of [resolve(ROOT, 'scripts/gen-corpus.mjs'), resolve(ROOT, '../shared/bench/gen-corpus.mjs')]) {
    if (existsSync(candidate)) return candidate;
  }
  throw new Error('scripts/gen-corpus.mjs not found: pass --corpus DIR');
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'inherit'] });
    child.on('error', reject);
    child.on('exit', (code) => resolvePromise(code ?? 1));
  });
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}

const ms = (value: number) => (Number.isFinite(value) ? `${Math.round(value)} ms` : '—');

async function questionsFor(corpus: string): Promise<string[]> {
  const file = `${corpus.replace(/\/+$/, '')}.questions.json`;
  if (existsSync(file)) return JSON.parse(await readFile(file, 'utf8')) as string[];
  return [
    'Which institutions signed an MoU on cancer research?',
    'What does the agreement between the university and the hospital cover?',
  ];
}

/** What the bot finally did with one interaction, from the request that settled it. */
function classify(
  fake: FakeDiscord,
  interaction: SentInteraction,
  request: RecordedRequest,
  busyText: string,
): Outcome {
  const content = request.body?.data?.content ?? request.body?.content;
  if (content === busyText) return 'busy';
  // An answer has buttons; a registry list answer has embeds and no buttons.
  if (
    fake.is.editOriginal(interaction)(request) &&
    ((request.body?.components?.length ?? 0) > 0 || (request.body?.embeds?.length ?? 0) > 0)
  )
    return 'answered';
  return 'error';
}

function settles(fake: FakeDiscord, interaction: SentInteraction, busyText: string) {
  return (r: RecordedRequest) =>
    (fake.is.callback(interaction)(r) && r.body?.type === 4) ||
    (fake.is.editOriginal(interaction)(r) &&
      ((r.body?.components?.length ?? 0) > 0 || (r.body?.embeds?.length ?? 0) > 0 || (r.body?.content ?? '') !== '')) ||
    (fake.is.followUp(interaction)(r) && r.body?.content === busyText);
}

interface Pending {
  interaction: SentInteraction;
  sent: number;
  ackMs?: number;
  settle: (sample: Sample) => void;
}

/**
 * One observer for all interactions of a phase (instead of a waiter each, which the fake would scan on every
 * request): it sees every completed request once and settles the interaction it belongs to.
 */
function observe(fake: FakeDiscord, pending: Map<string, Pending>, busyText: string): () => void {
  let active = true;
  const seen = (r: RecordedRequest) => {
    if (!active) return false;
    const token = /\/(?:interactions\/\d+|webhooks\/\d+)\/([^/]+)/.exec(r.path)?.[1];
    const entry = token ? pending.get(token) : undefined;
    if (!entry) return false;
    const now = performance.now();
    if (entry.ackMs === undefined && fake.is.callback(entry.interaction)(r)) entry.ackMs = now - entry.sent;
    if (settles(fake, entry.interaction, busyText)(r)) {
      const outcome = classify(fake, entry.interaction, r, busyText);
      pending.delete(token!);
      entry.settle({ ackMs: entry.ackMs, outcome, answerMs: outcome === 'answered' ? now - entry.sent : undefined });
    }
    return false;
  };
  void fake.waitForRequest(seen, { timeoutMs: 3_600_000 }).catch(() => undefined);
  return () => {
    active = false;
  };
}

async function runPhase(
  fake: FakeDiscord,
  options: { burst: number; everyMs: number; seconds: number },
): Promise<Sample[]> {
  const busyText = t('en', 'reliability:busy');
  const pending = new Map<string, Pending>();
  const stop = observe(fake, pending, busyText);
  const samples: Promise<Sample>[] = [];
  const questions = await questionsFor(corpusDir);
  const bursts = Math.floor(options.seconds / (options.everyMs / 1000)) + 1;
  const start = performance.now();
  for (let b = 0; b < bursts; b++) {
    const due = start + b * options.everyMs;
    await new Promise((r) => setTimeout(r, Math.max(0, due - performance.now())));
    for (let i = 0; i < options.burst; i++) {
      const question = questions[(b * options.burst + i) % questions.length]!;
      // A new user each time: the per-user rate limit is not what is measured.
      const user = fake.createUser(`bench-${b}-${i}`);
      const sent = performance.now();
      const interaction = fake.sendSlashCommand({ name: 'ask', options: { question }, user });
      samples.push(
        new Promise<Sample>((settle) => pending.set(interaction.token, { interaction, sent, settle })).then(
          (sample) => ({ ...sample, burst: b }),
        ),
      );
    }
  }
  // Whatever has not settled --settle-seconds after the last burst counts as unanswered (its requests are shown).
  const deadline = setTimeout(
    () => {
      for (const entry of [...pending.values()].slice(0, 3)) {
        const trail = fake.requests
          .filter((r) => r.path.includes(entry.interaction.token))
          .map(
            (r) =>
              `${r.method} ${r.path.replace(entry.interaction.token, '<token>')} → ${r.status} ${JSON.stringify(r.body ?? null).slice(0, 160)}`,
          );
        console.log(`  unanswered ${entry.interaction.id}:\n    ${trail.join('\n    ') || '(no request at all)'}`);
      }
      for (const entry of pending.values())
        entry.settle({ ackMs: entry.ackMs, outcome: 'unanswered', answerMs: undefined });
      pending.clear();
    },
    Number(values['settle-seconds']) * 1000,
  );
  const all = await Promise.all(samples);
  clearTimeout(deadline);
  stop();
  return all;
}

function report(name: string, samples: Sample[], extra: string): void {
  const acks = samples.flatMap((s) => (s.ackMs === undefined ? [] : [s.ackMs])).sort((a, b) => a - b);
  const answers = samples.flatMap((s) => (s.answerMs === undefined ? [] : [s.answerMs])).sort((a, b) => a - b);
  const count = (o: Outcome) => samples.filter((s) => s.outcome === o).length;
  const late = acks.filter((a) => a > 3000).length;
  const p99 = percentile(acks, 0.99);
  const max = acks.at(-1) ?? Number.NaN;
  const ok = p99 <= 300 && max < 1000 && count('answered') + count('busy') === samples.length;
  console.log(`\n${name}${extra} (machine load average now ${loadavg()[0]!.toFixed(1)})`);
  console.log(
    `  interactions ${samples.length}: answered ${count('answered')}, busy ${count('busy')}, errors ${count('error')}, unanswered ${count('unanswered')}`,
  );
  console.log(
    `  ack latency   p50 ${ms(percentile(acks, 0.5))}  p99 ${ms(p99)}  max ${ms(max)}  (acked after 3 s: ${late})`,
  );
  const perBurst = [...new Set(samples.map((s) => s.burst ?? 0))].map((b) =>
    Math.max(0, ...samples.filter((s) => s.burst === b).map((s) => s.ackMs ?? 0)),
  );
  console.log(`  slowest ack of each burst: ${perBurst.map((v) => Math.round(v)).join(', ')} ms`);
  console.log(
    `  answer time   p50 ${ms(percentile(answers, 0.5))}  p99 ${ms(percentile(answers, 0.99))}  max ${ms(answers.at(-1) ?? Number.NaN)}`,
  );
  console.log(`  target (ack p99 <= 300 ms, max < 1 s, every interaction answered or busy): ${ok ? 'met' : 'NOT met'}`);
}

/** Full reindexes back to back, in another process (as `npm run reindex -- --full` beside the bot), until stopped. */
function reindexLoop(config: Config): { stop(): Promise<number> } {
  let stopped = false;
  let child: ChildProcess | undefined;
  let runs = 0;
  const env = {
    ...process.env,
    CORPUS_DIR: config.CORPUS_DIR,
    INDEX_DIR: config.INDEX_DIR,
    EMBEDDINGS: 'hash',
    LOG_LEVEL: 'warn',
  };
  const loop = (async () => {
    while (!stopped) {
      child = spawn(process.execPath, ['--import', 'tsx', 'scripts/reindex.ts', '--full'], {
        cwd: ROOT,
        env,
        stdio: ['ignore', 'ignore', 'inherit'],
      });
      runs++;
      await new Promise((r) => child!.on('exit', r));
    }
  })();
  return {
    async stop() {
      stopped = true;
      child?.kill('SIGTERM');
      await loop;
      return runs;
    },
  };
}

const temp = await mkdtemp(join(tmpdir(), 'collab-bench-discord-'));
const corpusDir = values.corpus ? resolve(values.corpus) : join(temp, 'corpus');
try {
  if (!values.corpus) {
    console.log(`generating a corpus of ~${values.chunks} chunks in ${corpusDir} ...`);
    if ((await run(process.execPath, [generatorPath(), ROOT, corpusDir, '--chunks', values.chunks])) !== 0)
      throw new Error('gen-corpus.mjs failed');
  }
  const fake = await FakeDiscord.start();
  const config = loadConfig(undefined, {
    CORPUS_DIR: corpusDir,
    INDEX_DIR: values.index ? resolve(values.index) : join(temp, 'index'),
    EMBEDDINGS: 'hash',
    DISCORD_TOKEN: fake.token,
    DISCORD_CLIENT_ID: fake.applicationId,
    DISCORD_API_URL: fake.apiUrl,
    FEEDBACK_LOG: join(temp, 'feedback.jsonl'),
    RATE_LIMIT_PER_MINUTE: 1000,
    LOG_LEVEL: 'silent',
  });
  const built = performance.now();
  const service: CollabService = values['in-process'] ? await createService(config) : await createPooledService(config);
  const stats = await service.stats();
  console.log(
    `index: ${stats.documents} articles, ${stats.chunks} chunks (${((performance.now() - built) / 1000).toFixed(1)} s to load or build); ` +
      (values['in-process']
        ? 'in-process service'
        : `pooled service: ${config.ASK_WORKERS} workers × ${config.ASK_TASKS_PER_WORKER}, queue ${config.ASK_QUEUE}`),
  );
  const bot = createBot(config, service, silentLogger);
  await bot.start();
  const phase = { burst: Number(values.burst), everyMs: Number(values.every) * 1000, seconds: Number(values.seconds) };
  console.log(`load: bursts of ${phase.burst} /ask every ${values.every} s for ${phase.seconds} s per phase`);
  try {
    for (let w = 0; w < Number(values.warmup); w++) {
      const warm = await runPhase(fake, { ...phase, seconds: 0 });
      const slowest = Math.max(0, ...warm.map((x) => x.ackMs ?? 0));
      console.log(`warm-up burst ${w + 1} (not counted): slowest ack ${Math.round(slowest)} ms`);
    }
    for (const name of values.phases.split(',').map((s) => s.trim())) {
      if (name === 'idle') {
        report('no reindex running', await runPhase(fake, phase), '');
      } else if (name === 'reindex') {
        const reindexes = reindexLoop(config);
        const samples = await runPhase(fake, phase);
        const runs = await reindexes.stop();
        report('full reindexes running meanwhile (another process, back to back)', samples, ` — ${runs} started`);
      } else {
        throw new Error(`unknown phase ${name} (idle, reindex)`);
      }
    }
  } finally {
    await bot.stop();
    await service.close();
    await fake.close();
  }
} finally {
  await rm(temp, { recursive: true, force: true });
}
// The fake's long-lived request observers hold timers; everything real has been closed above.
process.exit(0);
