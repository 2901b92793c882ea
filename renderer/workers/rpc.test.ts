import { afterEach, describe, expect, it, vi } from 'vitest';
import { clockAt } from '../../shared/clock';
import {
  cancellableMethod,
  createWorkerClient,
  declareWorker,
  detailOf,
  method,
  serve,
  transferring,
  type MessageScope,
  type WorkerEndpoint,
} from './rpc';
import { workerClock } from './workerClock';

const PAGE_NOW = '2026-06-15T10:00:00.000Z';
const pageClock = clockAt(PAGE_NOW);

const testWorker = declareWorker({
  name: 'test',
  methods: {
    /** Answers with its text once the test opens the gate of that name. */
    echo: method<{ text: string }, string>(),
    /** Counts up to `to`, one progress event per step, each step behind the gate `${tag}${n}`. */
    count: method<{ tag: string; to: number }, number, { tag: string; at: number }>(),
    refuse: method<{ reason: 'nope' | 'odd' }, never>(),
    wait: cancellableMethod<undefined, 'finished', 'started'>(),
    reverse: method<{ bytes: ArrayBuffer }, ArrayBuffer>(),
    /** Hands over `count` one-byte pieces as progress. */
    pieces: method<{ count: number }, number, ArrayBuffer>(),
    /** The worker's clock as its handler reads it. */
    now: method<undefined, string>(),
  },
  failures: ['nope', 'cancelled', 'failed'],
  detail: detailOf<{ code: string }>(),
});

class Refusal extends Error {
  constructor(
    readonly reason: 'nope' | 'odd',
    readonly code: string,
  ) {
    super(`refused ${reason}`);
  }
}

const ports: MessagePort[] = [];
afterEach(() => {
  for (const port of ports.splice(0)) port.close();
});

/** A worker served on one end of a MessageChannel and a client on the other, with gates the test opens. */
function pair() {
  const channel = new MessageChannel();
  ports.push(channel.port1, channel.port2);
  const gates = new Map<string, { open: () => void; opened: Promise<void> }>();
  const gate = (name: string) => {
    let g = gates.get(name);
    if (!g) {
      let open!: () => void;
      const opened = new Promise<void>((resolve) => (open = resolve));
      g = { open, opened };
      gates.set(name, g);
    }
    return g;
  };
  const workerBuffers: ArrayBuffer[] = [];
  serve(
    testWorker,
    {
      echo: async ({ text }) => {
        await gate(text).opened;
        return text;
      },
      count: async ({ tag, to }, { progress }) => {
        for (let at = 1; at <= to; at++) {
          await gate(`${tag}${at}`).opened;
          progress({ tag, at });
        }
        return to;
      },
      refuse: async ({ reason }) => {
        throw new Refusal(reason, `code-${reason}`);
      },
      wait: async (_request, { progress, signal }) => {
        progress('started');
        await new Promise<void>((resolve, reject) => {
          signal.addEventListener('abort', () => reject(new Error('stopped')));
          void gate('wait').opened.then(resolve);
        });
        return 'finished' as const;
      },
      reverse: async ({ bytes }) => {
        const reversed = new Uint8Array(bytes).reverse().buffer;
        workerBuffers.push(reversed);
        return transferring(reversed, [reversed]);
      },
      pieces: async ({ count }, { progress }) => {
        for (let i = 0; i < count; i++) {
          const piece = new Uint8Array([i]).buffer;
          workerBuffers.push(piece);
          progress(transferring(piece, [piece]));
        }
        return count;
      },
      now: async () => workerClock().toISOString(),
    },
    {
      scope: channel.port2 as unknown as MessageScope,
      failure: (error) =>
        error instanceof Refusal
          ? { reason: error.reason as 'nope', detail: { code: error.code } }
          : error instanceof Error && error.message === 'stopped'
            ? 'cancelled'
            : { reason: 'failed', message: `unexpected: ${String(error)}` },
    },
  );
  const refused: string[] = [];
  const client = createWorkerClient(testWorker, channel.port1 as unknown as WorkerEndpoint, { clock: pageClock, onRefused: (problem) => refused.push(problem) });
  const open = (name: string) => gate(name).open();
  return { client, open, refused, workerPort: channel.port2, pagePort: channel.port1, workerBuffers };
}

describe('worker RPC', () => {
  it('gives each caller its own answer when the worker answers out of order', async () => {
    const { client, open } = pair();
    const answers: string[] = [];
    const a = client.call('echo', { text: 'a' }).then((r) => (answers.push(`a:${r.ok && r.value}`), r));
    const b = client.call('echo', { text: 'b' }).then((r) => (answers.push(`b:${r.ok && r.value}`), r));
    const c = client.call('echo', { text: 'c' }).then((r) => (answers.push(`c:${r.ok && r.value}`), r));
    open('c');
    expect(await c).toEqual({ ok: true, value: 'c' });
    open('b');
    expect(await b).toEqual({ ok: true, value: 'b' });
    expect(answers).toEqual(['c:c', 'b:b']);
    open('a');
    expect(await a).toEqual({ ok: true, value: 'a' });
  });

  it('sends progress only to the request it belongs to', async () => {
    const { client, open } = pair();
    const seenX: unknown[] = [];
    const seenY: unknown[] = [];
    const x = client.call('count', { tag: 'x', to: 2 }, { onProgress: (p) => seenX.push(p) });
    const y = client.call('count', { tag: 'y', to: 3 }, { onProgress: (p) => seenY.push(p) });
    // One step at a time, so both requests are running and their events cross.
    for (const step of ['y1', 'x1', 'y2', 'y3', 'x2']) {
      const heard = seenX.length + seenY.length;
      open(step);
      await vi.waitFor(() => expect(seenX.length + seenY.length).toBe(heard + 1));
    }
    expect(await y).toEqual({ ok: true, value: 3 });
    expect(await x).toEqual({ ok: true, value: 2 });
    expect(seenX).toEqual([
      { tag: 'x', at: 1 },
      { tag: 'x', at: 2 },
    ]);
    expect(seenY).toEqual([
      { tag: 'y', at: 1 },
      { tag: 'y', at: 2 },
      { tag: 'y', at: 3 },
    ]);
  });

  it('fails only the request whose handler failed, with the declared reason and detail', async () => {
    const { client, open } = pair();
    const before = client.call('echo', { text: 'before' });
    const refused = client.call('refuse', { reason: 'nope' });
    const after = client.call('echo', { text: 'after' });
    expect(await refused).toEqual({ ok: false, reason: 'nope', message: 'refused nope', detail: { code: 'code-nope' } });
    open('before');
    open('after');
    expect(await before).toEqual({ ok: true, value: 'before' });
    expect(await after).toEqual({ ok: true, value: 'after' });
  });

  it('refuses a failure reason the declaration does not name, loudly', async () => {
    const { client, refused } = pair();
    const result = await client.call('refuse', { reason: 'odd' });
    expect(result).toMatchObject({ ok: false, reason: 'internal-error' });
    expect(refused.join()).toMatch(/does not name: odd/);
  });

  it('fails every pending request when the worker errors, and every later one at once', async () => {
    const { client, pagePort } = pair();
    const one = client.call('echo', { text: 'never' });
    const two = client.call('count', { tag: 'z', to: 1 });
    pagePort.dispatchEvent(Object.assign(new Event('error'), { message: 'Uncaught ReferenceError: x is not defined' }));
    expect(await one).toEqual({ ok: false, reason: 'unavailable', message: 'the test worker failed: Uncaught ReferenceError: x is not defined' });
    expect(await two).toMatchObject({ ok: false, reason: 'unavailable' });
    expect(client.open).toBe(false);
    expect(await client.call('echo', { text: 'later' })).toMatchObject({ ok: false, reason: 'unavailable' });
  });

  it('fails every pending request when the worker end goes away', async () => {
    const { client, workerPort } = pair();
    const one = client.call('echo', { text: 'never' });
    const two = client.call('wait', undefined);
    workerPort.close();
    expect(await one).toMatchObject({ ok: false, reason: 'unavailable' });
    expect(await two).toMatchObject({ ok: false, reason: 'unavailable' });
  });

  it('fails pending requests with "closed" when the page closes the client', async () => {
    const { client } = pair();
    const one = client.call('echo', { text: 'never' });
    client.close();
    expect(await one).toMatchObject({ ok: false, reason: 'closed' });
    expect(await client.call('echo', { text: 'x' })).toMatchObject({ ok: false, reason: 'closed' });
  });

  it('cancels a request: the handler sees the abort and the worker answers the caller', async () => {
    const { client } = pair();
    const controller = new AbortController();
    let started!: (event: string) => void;
    const seen = new Promise<string>((resolve) => (started = resolve));
    const waiting = client.call('wait', undefined, { signal: controller.signal, onProgress: started });
    expect(await seen).toBe('started');
    controller.abort();
    expect(await waiting).toEqual({ ok: false, reason: 'cancelled', message: 'stopped' });
  });

  it('lets the worker finish a request whose cancel came too late', async () => {
    const { client, open } = pair();
    const controller = new AbortController();
    open('wait');
    const done = await client.call('wait', undefined, { signal: controller.signal });
    controller.abort();
    expect(done).toEqual({ ok: true, value: 'finished' });
    open('ok');
    expect(await client.call('echo', { text: 'ok' })).toEqual({ ok: true, value: 'ok' });
  });

  it('hands buffers over both ways when asked to', async () => {
    const { client, workerBuffers } = pair();
    const bytes = new Uint8Array([1, 2, 3]).buffer;
    const result = await client.call('reverse', { bytes }, { transfer: [bytes] });
    expect(bytes.byteLength).toBe(0);
    expect(result.ok && [...new Uint8Array(result.value)]).toEqual([3, 2, 1]);
    expect(workerBuffers[0]!.byteLength).toBe(0);
  });

  it('hands progress buffers over when asked to', async () => {
    const { client, workerBuffers } = pair();
    const pieces: number[] = [];
    expect(await client.call('pieces', { count: 3 }, { onProgress: (piece) => pieces.push(new Uint8Array(piece)[0]!) })).toEqual({ ok: true, value: 3 });
    expect(pieces).toEqual([0, 1, 2]);
    expect(workerBuffers.map((b) => b.byteLength)).toEqual([0, 0, 0]);
  });

  it("runs the worker's clock from the page's, told with every request", async () => {
    const { client } = pair();
    const result = await client.call('now', undefined);
    const ms = result.ok ? Date.parse(result.value) - Date.parse(PAGE_NOW) : NaN;
    // The worker's clock runs on from the page's time; it is nowhere near the machine's own day.
    expect(ms).toBeGreaterThanOrEqual(0);
    expect(ms).toBeLessThan(60_000);
  });

  it('refuses messages from the worker that are no answer, loudly, failing the requests they could be for', async () => {
    const { client, refused, workerPort } = pair();
    const one = client.call('echo', { text: 'never' });
    workerPort.postMessage({ hello: 'page' });
    expect(await one).toMatchObject({ ok: false, reason: 'internal-error' });
    expect(refused).toHaveLength(1);
    expect(refused[0]).toMatch(/no answer/);
  });

  it('fails only the request a malformed answer names', async () => {
    const { client, refused, workerPort, open } = pair();
    const one = client.call('echo', { text: 'one' });
    const two = client.call('echo', { text: 'two' });
    workerPort.postMessage({ type: 'answer', id: 1, result: { ok: 'maybe' } });
    expect(await one).toMatchObject({ ok: false, reason: 'internal-error' });
    open('two');
    expect(await two).toEqual({ ok: true, value: 'two' });
    expect(refused).toHaveLength(1);
  });

  it('reports an answer for a request nobody is waiting for', async () => {
    const { client, refused, workerPort } = pair();
    workerPort.postMessage({ type: 'answer', id: 99, result: { ok: true, value: 'stray' } });
    await vi.waitFor(() => expect(refused).toEqual(['an answer for request 99, which is not waiting']));
    expect(client.open).toBe(true);
  });

  it('has the worker refuse what is no request, and answer an unknown method by name', async () => {
    const { client, refused, pagePort } = pair();
    const pending = client.call('echo', { text: 'never' });
    pagePort.postMessage({ type: 'call', id: 'seven' });
    expect(await pending).toMatchObject({ ok: false, reason: 'internal-error' });
    expect(refused[0]).toMatch(/test worker: not a request/);
    const unknown = await client.call('explode' as 'echo', { text: '' });
    expect(unknown).toEqual({ ok: false, reason: 'unknown-method', message: 'test worker has no method explode' });
    pagePort.postMessage({ type: 'call', id: 500, method: 'explode', request: null, now: PAGE_NOW });
    await vi.waitFor(() => expect(refused.at(-1)).toMatch(/request 500, which is not waiting/));
  });

  it('fails a request that cannot be sent without leaving it pending', async () => {
    const { client } = pair();
    const result = await client.call('echo', { text: (() => undefined) as unknown as string });
    expect(result).toMatchObject({ ok: false, reason: 'invalid-request' });
  });

  it('says by default on the console what it refused', async () => {
    const channel = new MessageChannel();
    ports.push(channel.port1, channel.port2);
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    createWorkerClient(testWorker, channel.port1 as unknown as WorkerEndpoint, { clock: pageClock });
    channel.port2.postMessage('garbage');
    await vi.waitFor(() => expect(error).toHaveBeenCalledWith(expect.stringMatching(/^test worker: a message that is no answer/), 'garbage'));
    error.mockRestore();
  });
});
