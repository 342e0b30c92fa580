// Entry of an answer worker thread (./pooled.ts). On Node 20 the module hooks that `--import tsx` installs
// in the main thread do not apply to worker threads, so the worker registers tsx itself before loading
// the TypeScript worker. Plain JavaScript on purpose: it runs before any TypeScript can be loaded.
import { register } from 'tsx/esm/api';

register();
const { default: handle } = await import('./worker.ts');

export default handle;
