// `LLM_PROVIDER=openai LLM_BASE_URL=http://127.0.0.1:PORT/v1 npm run ask -- "…"` against the fake server:
// the command prints the model's answer with checked citations, or the extractive answer and a note.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startFakeOpenAI, type FakeOpenAI } from '../fixtures/fake-openai/server.ts';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const corpusDir = fileURLToPath(new URL('../fixtures/fake-openai/corpus', import.meta.url));
const question = 'What does the KGMU and IIT Kanpur MoU cover?';

let fake: FakeOpenAI;
let workDir: string;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `npm run ask` with the LLM pointed at `baseURL`; killed after 60 s so a hang fails instead of blocking. */
function ask(baseURL: string, ...args: string[]): Promise<Run> {
  return askWith({ LOG_LEVEL: 'silent' }, baseURL, ...args);
}

function askWith(logEnv: { LOG_LEVEL?: string }, baseURL: string, ...args: string[]): Promise<Run> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.LOG_LEVEL;
  return new Promise((resolve, reject) => {
    const child = spawn(
      'npm',
      ['run', '--silent', 'ask', '--', '--corpus', corpusDir, '--index', join(workDir, 'index'), ...args],
      {
        cwd: repoRoot,
        env: {
          ...env,
          ...logEnv,
          LLM_PROVIDER: 'openai',
          LLM_BASE_URL: baseURL,
          LLM_MODEL: 'fake-model',
          LLM_TIMEOUT_MS: '5000',
          EMBEDDINGS: 'hash',
          // Every passage counts as relevant (both fixture articles reach the prompt): these tests are about the
          // answer, not the retrieval's not-found and related-article rules.
          NOT_FOUND_THRESHOLD: '0',
          ENTITY_MIN_COVERAGE: '0',
          RELATED_DOC_MIN: '0',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** The title the prompt gave passage `n`, as the model saw it. */
function promptedTitle(n: number): string {
  const user = fake.requests.at(-1)?.body.messages.at(-1)?.content ?? '';
  const title = user.match(new RegExp(`<passage id="${n}" title="([^"]*)"`))?.[1];
  assert.ok(title, `passage ${n} in the prompt`);
  return title;
}

describe('npm run ask with an OpenAI-compatible LLM', { timeout: 180_000 }, () => {
  before(async () => {
    fake = await startFakeOpenAI();
    workDir = await mkdtemp(join(tmpdir(), 'collab-llm-cli-'));
  });
  after(async () => {
    await fake.close();
    await rm(workDir, { recursive: true, force: true });
  });

  test('prints the generated answer with checked citations and a Sources list', async () => {
    fake.script({
      kind: 'answer',
      content: 'The MoU covers AI tools for reading cancer scans [1], tested within two years [1][4].',
    });
    const run = await ask(fake.baseURL, question);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(fake.requests.length, 1);
    assert.match(
      run.stdout,
      /^The MoU covers AI tools for reading cancer scans \[1\], tested within two years \[1\]\.$/m,
    );
    const title = promptedTitle(1);
    // Each article once, its cited passages numbered under it.
    assert.match(run.stdout, new RegExp(`^Sources:\\n${escapeRegExp(title)} — .*\\n  \\[1\\] `, 'm'));
    assert.doesNotMatch(run.stdout, /^\[2\]/m, 'only the cited passage is listed');
  });

  test('--json carries the checked citations', async () => {
    fake.script({ kind: 'answer', content: 'Radiologists and engineers share imaging data [2][1].' });
    const run = await ask(fake.baseURL, '--json', question);
    assert.equal(run.code, 0, run.stderr);
    const json = JSON.parse(run.stdout) as {
      answer: string;
      found: boolean;
      citations: { n: number; title: string }[];
    };
    assert.equal(json.found, true);
    assert.equal(json.answer, 'Radiologists and engineers share imaging data [1][2].');
    assert.deepEqual(
      json.citations.map((c) => [c.n, c.title]),
      [
        [1, promptedTitle(2)],
        [2, promptedTitle(1)],
      ],
    );
  });

  test('an LLM failure still answers: the extractive answer and a note', async () => {
    fake.script({ kind: 'status', status: 503, message: 'model is loading' });
    const run = await ask(fake.baseURL, question);
    assert.equal(run.code, 0, run.stderr);
    assert.match(
      run.stdout,
      /\(The language model could not answer \(error id [0-9a-f]{8}\); showing the quoted answer instead\.\)/,
    );
    assert.doesNotMatch(run.stdout, /model is loading/, "the server's error text is not shown");
    assert.match(run.stdout, /^Sources:\n.+ — (Example Health News|Пример Новости), .*\n {2}\[1\] /m);
  });

  test("with no LOG_LEVEL the note's error id is in the warning on stderr, with the server's detail", async () => {
    fake.script({ kind: 'status', status: 503, message: 'model is loading' });
    const run = await askWith({}, fake.baseURL, question);
    assert.equal(run.code, 0, run.stderr);
    const id = run.stdout.match(/error id ([0-9a-f]{8})/)?.[1];
    assert.ok(id, run.stdout);
    const warning = run.stderr
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as { errorId?: string; detail?: string; level: number })
      .find((entry) => entry.errorId === id);
    assert.ok(warning, `a log line with error id ${id} in: ${run.stderr}`);
    assert.equal(warning.level, 40);
    assert.match(warning.detail ?? '', /model is loading|503/);
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
