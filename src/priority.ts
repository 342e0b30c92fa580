// Background work yields the CPU to the bot's event loop. On Linux niceness is a per-thread attribute and
// `setPriority(0, …)` changes the calling thread only, so a worker thread can lower itself without touching
// the event loop that acknowledges interactions; threads it starts later inherit the value. Elsewhere the call
// would lower the whole process, so it is left alone there.
import { getPriority, setPriority } from 'node:os';
import type { Logger } from './log.ts';

/**
 * Makes the calling thread run at nice value `atLeast` or lower priority (19 is the lowest); a thread already
 * nicer is left as it is. Returns the thread's nice value afterwards, or undefined when nothing was asked or
 * possible (not Linux, 0, or refused: then one warning names `variable`).
 */
export function lowerThreadPriority(atLeast: number, variable: string, logger: Logger): number | undefined {
  if (process.platform !== 'linux' || atLeast <= 0) return undefined;
  try {
    if (getPriority(0) < atLeast) setPriority(0, Math.min(19, atLeast));
    return getPriority(0);
  } catch (error) {
    logger.warn({ err: error }, `could not lower the thread priority (${variable}); set ${variable}=0 to skip this`);
    return undefined;
  }
}
