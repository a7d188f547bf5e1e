// Entry of dist/checker-engine.js. Started as a Web Worker it answers the page's messages; loaded
// into the page with a <script> (where workers cannot start, e.g. from file://) it only exposes
// the session on a global, and the page calls it directly, yielding between phases.
import { CheckerSession } from './engine';
import { ENGINE_GLOBAL, type Reply, type Request } from './protocol';

interface WorkerScope {
  onmessage: ((e: MessageEvent<Request>) => void) | null;
  postMessage(message: Reply, transfer?: Transferable[]): void;
}

const g = globalThis as unknown as Record<string, unknown>;
const inWorker = typeof g.WorkerGlobalScope === 'function' && globalThis instanceof (g.WorkerGlobalScope as new () => object);

if (inWorker) {
  const scope = globalThis as unknown as WorkerScope;
  const session = new CheckerSession();
  let queue: Promise<void> = Promise.resolve();
  scope.onmessage = (e) => {
    const req = e.data;
    // One request at a time, in order: a re-analysis never races a read.
    queue = queue.then(async () => {
      const reply = await session.handle(req, (phase) => scope.postMessage({ id: req.id, type: 'progress', phase }));
      scope.postMessage(reply, reply.type === 'scored' ? [reply.bytes] : []);
    });
  };
} else {
  g[ENGINE_GLOBAL] = { createSession: () => new CheckerSession() };
}
