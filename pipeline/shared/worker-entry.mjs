// The worker script when no bundled one is built (worker-script.ts): worker threads
// do not inherit tsx's loader, so register it, then load the TypeScript handler the pool names,
// with the context every task of the pool shares.
import { register } from 'tsx/esm/api';
import Tinypool from 'tinypool';

register();
const { module, context } = Tinypool.workerData;
const handler = (await import(module)).default;
export default (tasks) => handler(tasks, context);
