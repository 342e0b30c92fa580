// Shared pieces of the Discord tests: a hand-written CollabService whose answers and timing the test
// controls, a logger that keeps its lines, and a harness that runs the real bot against the fake Discord.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import type { Answer, Citation } from '../../src/answer/types.ts';
import { loadConfig, type Config } from '../../src/config.ts';
import { UserError } from '../../src/errors.ts';
import type { ReindexSummary } from '../../src/index/types.ts';
import type { Logger } from '../../src/log.ts';
import type {
  AskOptions,
  CollaborationFilter,
  CollaborationList,
  CollabService,
  IndexStats,
  SourceInfo,
} from '../../src/service/types.ts';
import { createBot, type Bot, type BotOptions } from '../../src/discord/bot.ts';
import { FakeDiscord, type FakeDiscordOptions } from '../fixtures/fake-discord/server.ts';

/** A promise the test opens when it wants: lets a test hold the service mid-answer. */
export interface Gate {
  readonly opened: Promise<void>;
  open(): void;
}

export function createGate(): Gate {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { opened, open };
}

export function citation(n: number, overrides: Partial<Citation> = {}): Citation {
  return {
    n,
    docId: `doc-${n}`,
    path: `doc-${n}.md`,
    title: `Article ${n}`,
    source: 'Test Times',
    date: '2024-05-01',
    url: `https://example.org/articles/${n}`,
    language: 'en',
    text: `Passage ${n} of the cited article.`,
    score: 0.9,
    ...overrides,
  };
}

export const EMPTY_SUMMARY: ReindexSummary = {
  added: [],
  changed: [],
  removed: [],
  unchanged: ['doc-1.md'],
  failed: [],
  documents: 1,
  chunks: 3,
  embedded: 0,
  seconds: 0.1,
  embedder: { kind: 'hash', id: 'hash-v1-768', dimension: 768 },
};

/** A CollabService the test scripts: records calls, answers with `respond`, can be held at a gate. */
export class ScriptedService implements CollabService {
  readonly asks: { question: string; options: AskOptions | undefined }[] = [];
  /** How many asks have returned an answer. */
  answered = 0;
  reindexCalls = 0;
  reindexing = false;
  closed = false;
  /** When set, ask() waits for it before answering (after recording the call). */
  askGate: Gate | undefined;
  /** When set, reindex() waits for it. */
  reindexGate: Gate | undefined;
  /** Runs inside ask() before the answer is returned (e.g. to stream partial text). */
  beforeAnswer: ((options: AskOptions | undefined) => Promise<void>) | undefined;
  respond: (question: string, options: AskOptions | undefined) => Answer = (question) => ({
    question,
    answer: `An answer about ${question} [1].`,
    found: true,
    citations: [citation(1)],
    language: 'en',
    mode: 'extractive',
  });
  sourceList: SourceInfo[] = [
    {
      docId: 'doc-1',
      path: 'doc-1.md',
      title: 'Article 1',
      source: 'Test Times',
      date: '2024-05-01',
      url: 'https://example.org/articles/1',
      language: 'en',
      chunks: 3,
    },
  ];
  summary: ReindexSummary = EMPTY_SUMMARY;
  /** What collaborations() returns, and the filters it was called with. */
  collaborationList: CollaborationList = { available: true, records: [], parties: [] };
  readonly collaborationFilters: CollaborationFilter[] = [];
  partyNames: string[] = [];

  async ask(question: string, options?: AskOptions): Promise<Answer> {
    this.asks.push({ question, options });
    if (this.askGate) {
      // Like a real retrieval, waiting stops when the bot cancels the question.
      const signal = options?.signal;
      await new Promise<void>((resolve, reject) => {
        signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
        void this.askGate!.opened.then(resolve);
      });
    }
    await this.beforeAnswer?.(options);
    options?.signal?.throwIfAborted();
    const answer = this.respond(question, options);
    this.answered++;
    return answer;
  }

  async sources(): Promise<SourceInfo[]> {
    return this.sourceList;
  }

  async reindex(): Promise<ReindexSummary> {
    if (this.reindexing) throw new UserError('reindex.alreadyRunning', 'A reindex is already running.');
    this.reindexCalls++;
    this.reindexing = true;
    try {
      if (this.reindexGate) await this.reindexGate.opened;
      return this.summary;
    } finally {
      this.reindexing = false;
    }
  }

  async stats(): Promise<IndexStats> {
    return {
      documents: this.sourceList.length,
      chunks: 3,
      embedder: EMPTY_SUMMARY.embedder,
      builtAt: new Date(0).toISOString(),
    };
  }

  async collaborations(filter: CollaborationFilter = {}): Promise<CollaborationList> {
    this.collaborationFilters.push(filter);
    return this.collaborationList;
  }

  async parties(prefix: string, limit = 25): Promise<string[]> {
    return this.partyNames.filter((n) => n.toLowerCase().includes(prefix.toLowerCase())).slice(0, limit);
  }

  async close(): Promise<void> {
    this.closed = true;
  }
}

/** A pino logger that keeps every line (JSON text), so tests can look for leaks and error ids. */
export function capturingLogger(): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, callback) {
      lines.push(String(chunk));
      callback();
    },
  });
  return { logger: pino({ level: 'trace' }, stream), lines };
}

export interface Harness {
  fake: FakeDiscord;
  bot: Bot;
  config: Config;
  logLines: string[];
  /** Stops the bot and the fake server and removes the temp dir. */
  close(): Promise<void>;
}

/** Starts the fake Discord and the real bot (real discord.js client) connected to it. */
export async function startHarness(
  service: CollabService,
  {
    env = {},
    botOptions = {},
    fakeOptions = {},
  }: {
    env?: Record<string, string> | ((fake: FakeDiscord) => Record<string, string>);
    botOptions?: BotOptions;
    fakeOptions?: FakeDiscordOptions;
  } = {},
): Promise<Harness> {
  const fake = await FakeDiscord.start(fakeOptions);
  const dir = await mkdtemp(join(tmpdir(), 'collab-discord-'));
  const config = loadConfig({
    DISCORD_TOKEN: fake.token,
    DISCORD_CLIENT_ID: fake.applicationId,
    DISCORD_API_URL: fake.apiUrl,
    FEEDBACK_LOG: join(dir, 'feedback.jsonl'),
    LOG_LEVEL: 'silent',
    ...(typeof env === 'function' ? env(fake) : env),
  });
  const { logger, lines } = capturingLogger();
  const bot = createBot(config, service, logger, { shutdownGraceMs: 2000, ...botOptions });
  try {
    await bot.start();
  } catch (error) {
    await fake.close();
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    fake,
    bot,
    config,
    logLines: lines,
    async close() {
      await bot.stop();
      await fake.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
