// In-flight work (answers, reindexes), so shutdown can stop taking new work, let running answers finish
// within a bounded wait, then cancel the rest through their AbortSignals.

export interface TaskTracker {
  readonly accepting: boolean;
  readonly running: number;
  /** Runs `work` as a tracked task, or returns undefined (without running it) once shutdown began. */
  run<T>(work: (signal: AbortSignal) => Promise<T>): Promise<T> | undefined;
  /** Stops accepting work, waits up to `graceMs` for running tasks, then aborts them and waits up to `abortWaitMs`. */
  shutdown(options: { graceMs: number; abortWaitMs: number }): Promise<{ finished: number; cancelled: number }>;
}

function settledWithin(promises: Iterable<Promise<unknown>>, ms: number): Promise<boolean> {
  const all = Promise.allSettled(promises).then(() => true);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  return Promise.race([all, timeout]).finally(() => clearTimeout(timer));
}

export function createTaskTracker(): TaskTracker {
  const tasks = new Map<Promise<unknown>, AbortController>();
  let accepting = true;
  return {
    get accepting() {
      return accepting;
    },
    get running() {
      return tasks.size;
    },
    run(work) {
      if (!accepting) return undefined;
      const controller = new AbortController();
      const promise = work(controller.signal);
      const tracked = promise.finally(() => tasks.delete(tracked)).catch(() => undefined);
      tasks.set(tracked, controller);
      return promise;
    },
    async shutdown({ graceMs, abortWaitMs }) {
      accepting = false;
      const before = tasks.size;
      if (before === 0) return { finished: 0, cancelled: 0 };
      await settledWithin([...tasks.keys()], graceMs);
      const cancelled = tasks.size;
      for (const controller of tasks.values()) controller.abort(new Error('the bot is shutting down'));
      if (cancelled > 0) await settledWithin([...tasks.keys()], abortWaitMs);
      return { finished: before - cancelled, cancelled };
    },
  };
}
