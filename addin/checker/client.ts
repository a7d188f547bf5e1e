// The page's side of the engine. It prefers a Web Worker (checker-engine.js): reading, analysing
// and writing never block the page. Where a worker cannot start — Chromium refuses workers on
// file:// pages ("cannot be accessed from origin 'null'") — the same script is loaded into the
// page and called directly, yielding to the browser between phases so the progress bar paints.
import { ENGINE_GLOBAL, ENGINE_SCRIPT, type EngineSession, type Phase, type Reply, type Request } from './protocol';

export type EngineMode = 'worker' | 'page';
type DistOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
type Body = DistOmit<Request, 'id'>;
type Final = Exclude<Reply, { type: 'progress' }>;

interface Pending {
  resolve(reply: Final): void;
  progress(phase: Phase): void;
}

/** How long a worker may take to answer its first ping before the page runs the engine itself. */
const WORKER_START_MS = 15000;

export class EngineClient {
  readonly ready: Promise<EngineMode>;
  private worker: Worker | null = null;
  private session: EngineSession | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly base: string = ENGINE_SCRIPT) {
    this.ready = this.start();
  }

  /** Send one request; progress callbacks until the final reply. Requests run one at a time. */
  request(body: Body, progress: (phase: Phase) => void = () => undefined): Promise<Final> {
    const run = async (): Promise<Final> => {
      const mode = await this.ready;
      const req = { ...body, id: this.nextId++ } as Request;
      if (mode === 'page') {
        return (await this.session!.handle(req, async (phase) => {
          progress(phase);
          await paint();
        })) as Final;
      }
      // A worker that died is replaced; its state (the open file) is gone: the engine answers
      // "no file" and the page asks for the file again.
      this.worker ??= await this.startWorker();
      return new Promise<Final>((resolve) => {
        this.pending.set(req.id, { resolve, progress });
        const transfer = req.type === 'open' ? [req.bytes] : [];
        this.worker!.postMessage(req, transfer);
      });
    };
    const p = this.queue.then(run, run);
    this.queue = p.catch(() => undefined);
    return p;
  }

  private async start(): Promise<EngineMode> {
    try {
      if (typeof Worker !== 'function') throw new Error('no Worker');
      const worker = await this.startWorker();
      this.worker = worker;
      return 'worker';
    } catch {
      this.session = await loadInPage(this.base);
      return 'page';
    }
  }

  private startWorker(): Promise<Worker> {
    return new Promise<Worker>((resolve, reject) => {
      const worker = new Worker(this.base); // throws on file:// pages
      const timer = setTimeout(() => fail(new Error('worker did not start')), WORKER_START_MS);
      const fail = (e: Error) => {
        clearTimeout(timer);
        worker.terminate();
        reject(e);
      };
      worker.onerror = (e) => {
        e.preventDefault();
        fail(new Error(e.message || 'worker failed'));
      };
      worker.onmessage = (e: MessageEvent<Reply>) => {
        if (e.data.type !== 'pong') return;
        clearTimeout(timer);
        worker.onmessage = (m: MessageEvent<Reply>) => this.receive(m.data);
        worker.onerror = (ev) => {
          // The worker died (e.g. out of memory): answer what was waiting; its state is gone.
          ev.preventDefault();
          worker.terminate();
          if (this.worker === worker) this.worker = null;
          this.failPending(ev.message || 'worker stopped');
        };
        resolve(worker);
      };
      worker.postMessage({ id: 0, type: 'ping' } satisfies Request);
    });
  }

  private receive(reply: Reply): void {
    const p = this.pending.get(reply.id);
    if (!p) return;
    if (reply.type === 'progress') {
      p.progress(reply.phase);
      return;
    }
    this.pending.delete(reply.id);
    p.resolve(reply);
  }

  private failPending(detail: string): void {
    for (const [id, p] of this.pending) p.resolve({ id, type: 'error', error: { code: 'internal', params: { detail } } });
    this.pending.clear();
  }
}

function loadInPage(src: string): Promise<EngineSession> {
  return new Promise((resolve, reject) => {
    const g = globalThis as unknown as Record<string, { createSession(): EngineSession } | undefined>;
    const ready = () => {
      const engine = g[ENGINE_GLOBAL];
      if (engine) resolve(engine.createSession());
      else reject(new Error(`${src} did not load`));
    };
    if (g[ENGINE_GLOBAL]) return ready();
    const s = document.createElement('script');
    s.src = src;
    s.onload = ready;
    s.onerror = () => reject(new Error(`${src} did not load`));
    document.head.appendChild(s);
  });
}

/** Let the browser render (progress bar, status) before the next synchronous phase. */
function paint(): Promise<void> {
  return new Promise((resolve) => {
    let done = false;
    const go = () => {
      if (done) return;
      done = true;
      setTimeout(resolve, 0);
    };
    requestAnimationFrame(go);
    setTimeout(go, 50); // hidden tabs get no animation frames
  });
}
