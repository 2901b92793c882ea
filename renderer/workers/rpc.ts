// Typed requests between the page and its workers, declared once per worker like the IPC contract
// (shared/ipc/contract.ts): `serve` answers inside the worker, `createWorkerClient` asks from the page.
import { z } from 'zod';
import type { Clock } from '../../shared/clock';
import type { Ok } from '../../shared/result';
import { ROLES, type Role } from '../../shared/domain/permissions';
import { auditActor, configureAuditActor } from '../db/audit';
import { followPageClock } from './workerClock';

/**
 * Failures of the protocol itself, beside each worker's own: the worker errored, died or was never
 * there ('unavailable'); the page closed the client ('closed'); a message did not fit the protocol
 * ('internal-error' in the page, 'invalid-request' or 'unknown-method' in the worker).
 */
export const RPC_FAILURES = ['unavailable', 'closed', 'internal-error', 'invalid-request', 'unknown-method'] as const;
export type RpcFailure = (typeof RPC_FAILURES)[number];

/** One method: its request, its answer and its progress events (types only), and whether it can be cancelled. */
export interface MethodSpec<Request, Answer, Progress, Cancellable extends boolean> {
  readonly cancellable: Cancellable;
  readonly types?: { request: Request; answer: Answer; progress: Progress };
}

/** A method; `undefined` request for one that needs nothing, `void` answer for one that only says done, `never` progress for one that tells none. */
export const method = <Request = undefined, Answer = void, Progress = never>(): MethodSpec<Request, Answer, Progress, false> => ({ cancellable: false });

/** A method the page can cancel: the handler gets an AbortSignal; the worker's answer still settles the call. */
export const cancellableMethod = <Request = undefined, Answer = void, Progress = never>(): MethodSpec<Request, Answer, Progress, true> => ({
  cancellable: true,
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any spec fits; each worker's types come from its own declaration
type Methods = Record<string, MethodSpec<any, any, any, boolean>>;

/** A worker's declaration: its methods, the failure reasons its handlers give, and what a failure may carry. */
export interface WorkerContract<M extends Methods, F extends string, D> {
  readonly name: string;
  readonly methods: M;
  readonly failures: readonly F[];
  readonly detail?: D;
}

export function declareWorker<M extends Methods, const F extends string, D = never>(declaration: {
  name: string;
  methods: M;
  failures: readonly F[];
  /** Types only: what a failure may carry beside its reason (detailOf<T>()). */
  detail?: D;
}): WorkerContract<M, F, D> {
  return declaration;
}

/** Names the type of a failure's detail in a declaration. */
export const detailOf = <D>(): D | undefined => undefined;

type MethodsOf<C> = C extends WorkerContract<infer M, string, unknown> ? M : never;
type FailureOf<C> = C extends WorkerContract<Methods, infer F, unknown> ? F : never;
type DetailOf<C> = C extends WorkerContract<Methods, string, infer D> ? D : never;
type Spec<C, K extends keyof MethodsOf<C>> = MethodsOf<C>[K];
export type MethodName<C> = keyof MethodsOf<C> & string;
export type RequestOf<C, K extends MethodName<C>> = NonNullable<Spec<C, K>['types']>['request'];
export type AnswerOf<C, K extends MethodName<C>> = NonNullable<Spec<C, K>['types']>['answer'];
export type ProgressOf<C, K extends MethodName<C>> = NonNullable<Spec<C, K>['types']>['progress'];

/** The result shape of the IPC contract, with the worker's message and, for some reasons, a detail. */
export interface WorkerFailure<F extends string = string, D = unknown> {
  ok: false;
  reason: F | RpcFailure;
  message: string;
  detail?: D;
}
export type WorkerResult<T, F extends string = string, D = unknown> = Ok<T> | WorkerFailure<F, D>;
export type ResultOf<C, K extends MethodName<C>> = WorkerResult<AnswerOf<C, K>, FailureOf<C>, DetailOf<C>>;

/** The value of a failed result as an error of the caller's own kind. */
export function orThrow<T, F extends string, D>(result: WorkerResult<T, F, D>, toError: (failure: WorkerFailure<F, D>) => Error): T {
  if (result.ok) return result.value;
  throw toError(result);
}

// The wire. Ids are the page's; every progress event and answer carries the id of the request it belongs to.
const id = z.number().int().nonnegative();
const pageMessageSchema = z.discriminatedUnion('type', [
  /**
   * `now`: the page's clock when it asked, which the worker's clock follows (workerClock.ts); `actor`: who was at
   * the keyboard, for the audit entries the request writes (the owner session lives on the page).
   */
  z.object({ type: z.literal('call'), id, method: z.string(), request: z.unknown(), now: z.iso.datetime(), actor: z.enum(ROLES).optional() }),
  z.object({ type: z.literal('cancel'), id }),
]);
type PageMessage = z.infer<typeof pageMessageSchema>;
const answerSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), reason: z.string(), message: z.string(), detail: z.unknown().optional() }),
]);
const workerMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('progress'), id, event: z.unknown() }),
  z.object({ type: z.literal('answer'), id, result: answerSchema }),
  /** The worker could not read a message it was sent, so it cannot say which request it was. */
  z.object({ type: z.literal('refused'), problem: z.string() }),
]);
type WorkerMessage = z.infer<typeof workerMessageSchema>;
type AnswerResult = Extract<WorkerMessage, { type: 'answer' }>['result'];

const hasOwn = (object: object, key: string) => Object.prototype.hasOwnProperty.call(object, key);
const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));
const rpcFailure = (reason: RpcFailure, message: string): WorkerFailure => ({ ok: false, reason, message });
const problemOf = (error: z.ZodError) => error.issues.map((issue) => `${issue.path.join('.') || '(message)'}: ${issue.message}`).join('; ');

let pageActor: Role = 'clerk';
/** Inside a worker: the audit entries a request writes name whoever the page said was at the keyboard when it asked. */
function followPageActor(actor: Role): void {
  pageActor = actor;
  configureAuditActor(() => pageActor);
}

/** Where a worker reads its requests and posts its answers: the worker's global scope, or a MessagePort in tests. */
export interface MessageScope {
  postMessage(message: unknown, transfer: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  start?(): void;
}

/** An answer or progress event whose buffers are handed over to the page, not copied. */
export class Transferring<T> {
  constructor(
    readonly value: T,
    readonly transfer: Transferable[],
  ) {}
}
export const transferring = <T>(value: T, transfer: Transferable[]) => new Transferring(value, transfer);

export interface HandlerContext<P> {
  /** Reaches only the page's caller of this request; `transferring(event, buffers)` hands buffers over instead of copying them. */
  progress(event: P | Transferring<P>): void;
  /** Aborted when the page cancels this request (cancellable methods only). */
  signal: AbortSignal;
}

export type Handlers<C> = {
  [K in MethodName<C>]: (request: RequestOf<C, K>, context: HandlerContext<ProgressOf<C, K>>) => Promise<AnswerOf<C, K> | Transferring<AnswerOf<C, K>>>;
};

export interface ServeOptions<F extends string, D> {
  /** What an error thrown by a handler means to the page; each worker says for its own errors. */
  failure(error: unknown, method: string): F | { reason: F; message?: string; detail?: D };
  /** The worker's global scope unless given. */
  scope?: MessageScope;
}

/** Answers the declared methods inside a worker: every request gets exactly one answer, with its id. */
export function serve<C extends WorkerContract<Methods, string, unknown>>(contract: C, handlers: Handlers<C>, options: ServeOptions<FailureOf<C>, DetailOf<C>>): void {
  const scope = options.scope ?? (globalThis as unknown as MessageScope);
  const running = new Map<number, AbortController>();
  const post = (message: WorkerMessage, transfer: Transferable[] = []) => scope.postMessage(message, transfer);
  const answer = (requestId: number, result: AnswerResult, transfer: Transferable[] = []) => {
    try {
      post({ type: 'answer', id: requestId, result }, transfer);
    } catch (error) {
      // An answer that cannot be cloned would otherwise leave the page waiting forever.
      post({ type: 'answer', id: requestId, result: rpcFailure('internal-error', `the answer could not be sent: ${messageOf(error)}`) });
    }
  };

  async function run(message: PageMessage & { type: 'call' }, controller: AbortController) {
    const handler = (handlers as Record<string, (request: unknown, context: HandlerContext<unknown>) => Promise<unknown>>)[message.method]!;
    const context: HandlerContext<unknown> = {
      signal: controller.signal,
      progress: (event) => {
        if (running.get(message.id) !== controller) return;
        if (event instanceof Transferring) post({ type: 'progress', id: message.id, event: event.value }, event.transfer);
        else post({ type: 'progress', id: message.id, event });
      },
    };
    try {
      const value = await handler(message.request, context);
      running.delete(message.id);
      if (value instanceof Transferring) answer(message.id, { ok: true, value: value.value }, value.transfer);
      else answer(message.id, { ok: true, value });
    } catch (error) {
      running.delete(message.id);
      const said = options.failure(error, message.method);
      const { reason, message: text = messageOf(error), detail } = typeof said === 'string' ? { reason: said } : said;
      answer(message.id, { ok: false, reason, message: text, detail });
    }
  }

  scope.addEventListener('message', (event) => {
    const parsed = pageMessageSchema.safeParse(event.data);
    if (!parsed.success) {
      post({ type: 'refused', problem: `${contract.name} worker: not a request (${problemOf(parsed.error)})` });
      return;
    }
    const message = parsed.data;
    if (message.type === 'cancel') {
      // A cancel that crossed the answer on the way is normal: the request is over.
      running.get(message.id)?.abort();
      return;
    }
    if (running.has(message.id)) {
      post({ type: 'refused', problem: `${contract.name} worker: request ${message.id} is already running` });
      return;
    }
    if (!hasOwn(contract.methods, message.method) || !hasOwn(handlers, message.method)) {
      answer(message.id, rpcFailure('unknown-method', `${contract.name} worker has no method ${message.method}`));
      return;
    }
    followPageClock(message);
    followPageActor(message.actor ?? 'clerk');
    const controller = new AbortController();
    running.set(message.id, controller);
    void run(message, controller);
  });
  scope.start?.();
}

/** The page's end of a worker: a Worker, or a MessagePort in tests. */
export interface WorkerEndpoint {
  postMessage(message: unknown, transfer: Transferable[]): void;
  addEventListener(type: string, listener: (event: Event) => void): void;
  removeEventListener(type: string, listener: (event: Event) => void): void;
  start?(): void;
  terminate?(): void;
}

export interface CallOptions<P, Cancellable extends boolean> {
  onProgress?: (event: P) => void;
  /** Buffers of the request handed over to the worker (no longer usable in the page). */
  transfer?: Transferable[];
  /** Cancellable methods only: asks the worker to stop; the call still settles with the worker's answer. */
  signal?: Cancellable extends true ? AbortSignal : never;
}

export interface WorkerClient<C> {
  call<K extends MethodName<C>>(method: K, request: RequestOf<C, K>, options?: CallOptions<ProgressOf<C, K>, Spec<C, K>['cancellable']>): Promise<ResultOf<C, K>>;
  /** Fails every pending call with 'closed' and ends the worker. */
  close(): void;
  /** False once closed, or once the worker errored or died: every later call fails at once. */
  readonly open: boolean;
}

export interface ClientOptions {
  /** The page's clock: every request carries its time, and the worker's clock follows it. */
  clock: Clock;
  /** Told of every message that cannot be matched to a request (default: console.error). */
  onRefused?(problem: string, data: unknown): void;
}

interface Pending {
  method: string;
  settle(result: WorkerResult<unknown>): void;
  onProgress?: (event: unknown) => void;
}

/** Asks a worker from the page: each call is a promise of a result, its progress reaches only its caller. */
export function createWorkerClient<C extends WorkerContract<Methods, string, unknown>>(contract: C, endpoint: WorkerEndpoint, options: ClientOptions): WorkerClient<C> {
  const report = options.onRefused ?? ((problem: string, data: unknown) => console.error(`${contract.name} worker: ${problem}`, data));
  const reasons = new Set<string>([...contract.failures, ...RPC_FAILURES]);
  const pending = new Map<number, Pending>();
  let next = 1;
  let ended: WorkerFailure | null = null;

  const failAll = (result: WorkerFailure) => {
    const waiting = [...pending.values()];
    pending.clear();
    for (const p of waiting) p.settle(result);
  };
  const end = (result: WorkerFailure) => {
    if (ended) return;
    ended = result;
    for (const [type, listener] of listeners) endpoint.removeEventListener(type, listener);
    endpoint.terminate?.();
    failAll(result);
  };

  const onMessage = (event: Event) => {
    const data = (event as MessageEvent).data as unknown;
    const parsed = workerMessageSchema.safeParse(data);
    if (!parsed.success) {
      const problem = `a message that is no answer (${problemOf(parsed.error)})`;
      report(problem, data);
      const claimed = typeof data === 'object' && data !== null && 'id' in data ? pending.get(data.id as number) : undefined;
      if (claimed) {
        pending.delete((data as { id: number }).id);
        claimed.settle(rpcFailure('internal-error', problem));
      } else {
        // It may have been meant for any of them: none of them can count on its answer now.
        failAll(rpcFailure('internal-error', problem));
      }
      return;
    }
    const message = parsed.data;
    if (message.type === 'refused') {
      report(message.problem, data);
      failAll(rpcFailure('internal-error', message.problem));
      return;
    }
    const p = pending.get(message.id);
    if (!p) {
      report(`${message.type === 'answer' ? 'an answer' : 'progress'} for request ${message.id}, which is not waiting`, data);
      return;
    }
    if (message.type === 'progress') {
      p.onProgress?.(message.event);
      return;
    }
    pending.delete(message.id);
    const result = message.result;
    if (!result.ok && !reasons.has(result.reason)) {
      report(`${p.method} failed for a reason the declaration does not name: ${result.reason}`, data);
      p.settle(rpcFailure('internal-error', `${result.reason}: ${result.message}`));
      return;
    }
    p.settle(result.ok ? { ok: true, value: result.value } : result.detail === undefined ? { ok: false, reason: result.reason, message: result.message } : result);
  };
  const onUnreadable = () => {
    report('a message that could not be read', null);
    failAll(rpcFailure('internal-error', 'a message from the worker could not be read'));
  };
  const onDeath = (event: Event) => {
    const detail = 'message' in event ? String(event.message || '') : '';
    end(rpcFailure('unavailable', `the ${contract.name} worker ${event.type === 'close' ? 'closed' : 'failed'}${detail ? `: ${detail}` : ''}`));
  };
  const listeners: [string, (event: Event) => void][] = [
    ['message', onMessage],
    ['messageerror', onUnreadable],
    // A worker's 'error': it failed to start or threw outside a handler. A port's 'close': its other end is gone.
    ['error', onDeath],
    ['close', onDeath],
  ];
  for (const [type, listener] of listeners) endpoint.addEventListener(type, listener);
  endpoint.start?.();

  return {
    get open() {
      return ended === null;
    },
    close() {
      end(rpcFailure('closed', `the ${contract.name} worker was closed`));
    },
    call(name, request, callOptions = {}) {
      if (ended) return Promise.resolve(ended as ResultOf<C, typeof name>);
      if (!hasOwn(contract.methods, name)) return Promise.resolve(rpcFailure('unknown-method', `${contract.name} worker has no method ${name}`) as ResultOf<C, typeof name>);
      const requestId = next++;
      const signal = callOptions.signal as AbortSignal | undefined;
      return new Promise<ResultOf<C, typeof name>>((resolve) => {
        const onAbort = () => {
          if (pending.has(requestId)) endpoint.postMessage({ type: 'cancel', id: requestId } satisfies PageMessage, []);
        };
        pending.set(requestId, {
          method: name,
          onProgress: callOptions.onProgress as ((event: unknown) => void) | undefined,
          settle: (result) => {
            signal?.removeEventListener('abort', onAbort);
            resolve(result as ResultOf<C, typeof name>);
          },
        });
        try {
          endpoint.postMessage(
            { type: 'call', id: requestId, method: name, request, now: options.clock().toISOString(), actor: auditActor() } satisfies PageMessage,
            callOptions.transfer ?? [],
          );
        } catch (error) {
          // A request that cannot be cloned never reached the worker.
          pending.get(requestId)?.settle(rpcFailure('invalid-request', messageOf(error)));
          pending.delete(requestId);
          return;
        }
        if (signal?.aborted) onAbort();
        else signal?.addEventListener('abort', onAbort, { once: true });
      });
    },
  };
}
