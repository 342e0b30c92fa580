// Progressive edits while an LLM streams: Discord rate-limits message edits, so the reply is edited at
// most once per interval with the newest text, one edit at a time; stop() waits for the last one so the
// final answer is never overwritten by a late progress edit.

export interface ThrottledEditor<T> {
  push(payload: T): void;
  /** Drops anything not yet sent and waits for an edit in progress. */
  stop(): Promise<void>;
}

export function createThrottledEditor<T>(
  edit: (payload: T) => Promise<unknown>,
  { intervalMs = 1000, onError = () => {} }: { intervalMs?: number; onError?: (error: unknown) => void } = {},
): ThrottledEditor<T> {
  let pending: { payload: T } | undefined;
  let inFlight: Promise<void> | undefined;
  let timer: NodeJS.Timeout | undefined;
  let lastEdit = -Infinity;
  let stopped = false;

  function schedule(): void {
    if (stopped || !pending || inFlight || timer) return;
    const wait = Math.max(0, lastEdit + intervalMs - Date.now());
    timer = setTimeout(flush, wait);
  }

  function flush(): void {
    timer = undefined;
    if (stopped || !pending) return;
    const { payload } = pending;
    pending = undefined;
    lastEdit = Date.now();
    inFlight = edit(payload)
      .then(() => undefined, onError)
      .finally(() => {
        inFlight = undefined;
        schedule();
      });
  }

  return {
    push(payload) {
      if (stopped) return;
      pending = { payload };
      schedule();
    },
    async stop() {
      stopped = true;
      pending = undefined;
      clearTimeout(timer);
      timer = undefined;
      await inFlight;
    },
  };
}
