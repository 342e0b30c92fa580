// npm run collaborations: a party in any script finds the same records; JSON and CSV; bad input exits 2.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const TSX = import.meta.resolve('tsx');

describe('npm run collaborations', () => {
  let dir: string;
  const run = (...args: string[]) =>
    spawnSync(
      process.execPath,
      [
        '--import',
        TSX,
        join(repo, 'scripts/collaborations.ts'),
        '--corpus',
        join(dir, 'corpus'),
        '--index',
        join(dir, 'index'),
        ...args,
      ],
      {
        cwd: dir,
        encoding: 'utf8',
        // Outside the repo and with a minimal environment, so a developer's .env cannot leak in.
        env: {
          PATH: process.env.PATH ?? '',
          HOME: process.env.HOME ?? '',
          EMBEDDINGS: 'hash',
          LOG_LEVEL: 'silent',
          LANG: 'C',
        },
        timeout: 120_000,
      },
    );

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'collab-registry-cli-'));
    await cp(join(repo, 'corpus'), join(dir, 'corpus'), { recursive: true });
    await cp(join(repo, 'test/fixtures/distractors'), join(dir, 'corpus'), { recursive: true });
  });
  after(() => rm(dir, { recursive: true, force: true }));

  test('a party in any script or alias finds the same records', () => {
    const ids = (party: string) => {
      const result = run('--party', party, '--json');
      assert.equal(result.status, 0, result.stderr);
      return (JSON.parse(result.stdout) as { id: string }[]).map((r) => r.id).sort();
    };
    const english = ids('IIT Kharagpur');
    assert.ok(english.length >= 3);
    for (const party of ['আইআইটি খড়্গপুর', 'आईआईटी खड़गपुर', 'IIT KGP', 'iit kharagpur'])
      assert.deepEqual(ids(party), english, party);
  });

  test('topic and dates filter; CSV has one row per record; bad input is a usage error', () => {
    const csv = run('--topic', 'cancer-care', '--since', '2024', '--csv');
    assert.equal(csv.status, 0, csv.stderr);
    const [header, ...rows] = csv.stdout.trim().split('\n');
    assert.match(header!, /^id,date,date_basis,kind,parties,place,areas,people,title,source,url,path$/);
    assert.ok(rows.length > 0);
    const json = JSON.parse(run('--topic', 'cancer-care', '--since', '2024', '--json').stdout) as {
      date?: { value: string };
      areas: { id: string }[];
    }[];
    assert.equal(json.length, rows.length);
    assert.ok(json.every((r) => r.date!.value >= '2024-01-01' && r.areas.some((a) => a.id === 'cancer-care')));
    const bad = run('--since', 'July 2024');
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /“July 2024” is not valid/);
    const unknown = run('--party', 'Miskatonic University');
    assert.equal(unknown.status, 1);
    assert.match(unknown.stderr, /No party in the registry matches “Miskatonic University”/);
  });
});
