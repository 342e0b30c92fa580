import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createThrottledEditor } from '../../src/discord/progress.ts';
import { createTaskTracker } from '../../src/discord/tasks.ts';
import { createGate } from './helpers.ts';

test('edits one at a time with the newest text, and nothing after stop()', async () => {
  const edits: string[] = [];
  const gates = [createGate(), createGate()];
  let calls = 0;
  const editor = createThrottledEditor(
    async (text: string) => {
      edits.push(text);
      await gates[calls++]?.opened;
    },
    { intervalMs: 0 },
  );
  const tick = () => new Promise((resolve) => setTimeout(resolve, 5)); // after the editor's 0 ms timer
  editor.push('a');
  await tick();
  assert.deepEqual(edits, ['a'], 'the first edit starts at once');
  editor.push('ab');
  editor.push('abc'); // supersedes "ab" while "a" is still being sent
  gates[0]!.open();
  await tick();
  assert.deepEqual(edits, ['a', 'abc'], 'only the newest waiting text is sent');
  editor.push('abcd');
  const stopped = editor.stop();
  gates[1]!.open();
  await stopped;
  await tick();
  assert.deepEqual(edits, ['a', 'abc'], 'stop drops what was not sent and waits for the edit in progress');
});

test('a failed progress edit is reported and does not stop later ones', async () => {
  const errors: unknown[] = [];
  const edits: string[] = [];
  const editor = createThrottledEditor(
    async (text: string) => {
      edits.push(text);
      if (text === 'bad') throw new Error('429');
    },
    { intervalMs: 0, onError: (error) => errors.push(error) },
  );
  editor.push('bad');
  await new Promise((resolve) => setTimeout(resolve, 5));
  editor.push('good');
  await new Promise((resolve) => setTimeout(resolve, 5));
  await editor.stop();
  assert.deepEqual(edits, ['bad', 'good']);
  assert.equal(errors.length, 1);
});

test('shutdown lets quick tasks finish, cancels slow ones through their signal, and refuses new work', async () => {
  const tracker = createTaskTracker();
  const quick = createGate();
  const finished: string[] = [];
  void tracker.run(async () => {
    await quick.opened;
    finished.push('quick');
  });
  void tracker.run(
    (signal) =>
      new Promise<void>((resolve) => {
        signal.addEventListener('abort', () => {
          finished.push('slow cancelled');
          resolve();
        });
      }),
  );
  assert.equal(tracker.running, 2);
  const shutdown = tracker.shutdown({ graceMs: 50, abortWaitMs: 1000 });
  quick.open();
  assert.deepEqual(await shutdown, { finished: 1, cancelled: 1 });
  assert.deepEqual(finished, ['quick', 'slow cancelled']);
  assert.equal(tracker.accepting, false);
  assert.equal(
    tracker.run(async () => 'late'),
    undefined,
  );
});
