// scripts/eval.ts as a user runs it: usage and configuration errors exit 2 with one line naming the problem.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const SCRIPT = join(REPO, 'scripts', 'eval.ts');
const TSX = import.meta.resolve('tsx');

async function runEvalCli(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number | null; stderr: string }> {
  // Run outside the repo, so a developer's .env cannot change what is tested.
  const cwd = await mkdtemp(join(tmpdir(), 'collab-eval-cli-'));
  try {
    return await new Promise((resolve, reject) => {
      const child = spawn(process.execPath, ['--import', TSX, SCRIPT, ...args], {
        cwd,
        env: { ...process.env, ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
      child.on('error', reject);
      child.on('close', (code) => {
        clearTimeout(timer);
        resolve({ code, stderr });
      });
    });
  } finally {
    await rm(cwd, { recursive: true, force: true });
  }
}

test('an invalid setting exits 2 with one line naming the variable', async () => {
  const r = await runEvalCli(['--questions', 'q.jsonl'], { COVERAGE_WEIGHT: 'lots' });
  assert.equal(r.code, 2, r.stderr);
  assert.match(r.stderr, /COVERAGE_WEIGHT/);
});

test('a missing --questions and an unknown --split are usage errors (exit 2)', async () => {
  const missing = await runEvalCli([]);
  assert.equal(missing.code, 2, missing.stderr);
  assert.match(missing.stderr, /--questions FILE is required/);
  const split = await runEvalCli(['--questions', 'q.jsonl', '--split', 'half']);
  assert.equal(split.code, 2, split.stderr);
  assert.match(split.stderr, /--split half: allowed values are untuned, fit/);
});
