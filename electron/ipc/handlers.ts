// The one entry point for IPC requests, whatever the transport (Electron IPC, the dev-server bridge,
// a Playwright binding): checks sender, channel and payload, calls a service, never throws.
import { can } from '../../shared/domain/permissions';
import { FAILURE_REASONS, contract, isChannel, isScreenChannel, ownerActionOf, type Channel, type FailureReason, type RequestOf } from '../../shared/ipc/contract';
import { assertNever, err, ok, type Result } from '../../shared/result';
import { isScreenPageUrl, isTrustedSenderUrl } from '../security/urls';
import type { MainServices } from '../services/types';

export interface IpcRequest {
  channel: unknown;
  payload: unknown;
  /** URL of the calling frame as the transport saw it (Electron's senderFrame.url, the Origin header). */
  senderUrl: unknown;
}

export type IpcHandler = (request: IpcRequest) => Promise<Result<unknown, FailureReason>>;

export interface IpcHandlerOptions {
  trustedOrigins: readonly string[];
  /** Where failures are reported; console.error by default. Never receives payload contents. */
  logError?: (message: string) => void;
}

// Payloads are plain JSON-like data; anything else (class instances, inherited fields, huge trees) is refused
// before a schema sees it, so a schema can never be fooled by a prototype or slowed by a giant value.
const MAX_PAYLOAD_NODES = 10_000;
const MAX_PAYLOAD_DEPTH = 32;
const MAX_PAYLOAD_STRING = 1_000_000;

export function isPlainPayload(value: unknown): boolean {
  let budget = MAX_PAYLOAD_NODES;
  const visit = (node: unknown, depth: number): boolean => {
    if (--budget < 0 || depth > MAX_PAYLOAD_DEPTH) return false;
    switch (typeof node) {
      case 'undefined':
      case 'boolean':
        return true;
      case 'number':
        return Number.isFinite(node);
      case 'string':
        return node.length <= MAX_PAYLOAD_STRING;
      case 'object': {
        if (node === null) return true;
        if (Array.isArray(node)) return node.every((item) => visit(item, depth + 1));
        const proto: unknown = Object.getPrototypeOf(node);
        if (proto !== Object.prototype && proto !== null) return false;
        if (Object.getOwnPropertySymbols(node).length > 0) return false;
        return Object.entries(node).every(([, item]) => visit(item, depth + 1));
      }
      case 'bigint':
      case 'function':
      case 'symbol':
        return false;
    }
  };
  return visit(value, 0);
}

const KNOWN_REASONS: ReadonlySet<string> = new Set(FAILURE_REASONS);

export function createIpcHandler(services: MainServices, opts: IpcHandlerOptions): IpcHandler {
  // A copy: a caller mutating its array later cannot widen who is trusted.
  const trustedOrigins = Object.freeze([...opts.trustedOrigins]);
  const logError = opts.logError ?? ((message: string) => console.error(message));

  return async (request) => {
    let channel: Channel | undefined;
    try {
      if (typeof request !== 'object' || request === null) return err('invalid-request');
      if (!isTrustedSenderUrl(request.senderUrl, trustedOrigins)) return err('untrusted-sender');
      if (!isChannel(request.channel)) return err('unknown-channel');
      channel = request.channel;
      // The customer-facing screen asks its two channels and nothing else; no other page may speak for it.
      if (isScreenPageUrl(request.senderUrl) !== isScreenChannel(channel)) return err('untrusted-sender');
      if (!isPlainPayload(request.payload)) return err('invalid-request');
      const result = await dispatch(channel, request.payload, services);
      return checkResponse(channel, result, logError);
    } catch (error) {
      logError(`[ipc] ${channel ?? '(no channel)'} failed: ${describeError(error)}`);
      return err('internal-error');
    }
  };
}

type Handled = Promise<Result<unknown, FailureReason>> | Result<unknown, FailureReason>;

/** Parses the payload with the channel's strict schema; the service sees only what passed. */
function withRequest<C extends Channel>(channel: C, payload: unknown, handle: (request: RequestOf<C>) => Handled, services: MainServices): Handled {
  const request = contract[channel].request.safeParse(payload);
  if (!request.success) return err('invalid-request');
  const action = ownerActionOf(channel, request.data as RequestOf<C>);
  // What only the owner may do is refused here too, whatever the page showed.
  if (action !== null && !can(services.session.role(), action)) return err('owner-required');
  return handle(request.data as RequestOf<C>);
}

async function dispatch(channel: Channel, payload: unknown, services: MainServices): Promise<Result<unknown, FailureReason>> {
  const { backup, exportFiles, surveyScreen } = services;
  switch (channel) {
    case 'app:info':
      return withRequest(channel, payload, () => ok(services.appInfo()), services);
    case 'app:security':
      return withRequest(channel, payload, () => ok(services.appSecurity()), services);
    case 'link:open':
      return withRequest(channel, payload, ({ url }) => services.openExternal(url), services);
    case 'app:closeReady':
      return withRequest(
        channel,
        payload,
        () => {
          services.closeReady();
          return ok(null);
        },
        services,
      );
    case 'backup:begin':
      return withRequest(channel, payload, (request) => backup.begin(request), services);
    case 'backup:append':
      // The schema admits canonical base64 only, so decoding cannot skip or invent bytes.
      return withRequest(channel, payload, ({ sessionId, offset, data }) => backup.append(sessionId, offset, Buffer.from(data, 'base64')), services);
    case 'backup:commit':
      return withRequest(channel, payload, ({ sessionId }) => backup.commit(sessionId), services);
    case 'backup:abort':
      return withRequest(channel, payload, ({ sessionId }) => backup.abort(sessionId), services);
    case 'backup:list':
      return withRequest(channel, payload, () => backup.list(), services);
    case 'backup:inspect':
      return withRequest(channel, payload, (request) => backup.inspect(request), services);
    case 'backup:open':
      return withRequest(channel, payload, (request) => backup.open(request), services);
    case 'backup:read':
      return withRequest(channel, payload, async ({ readId }) => {
        const piece = await backup.read(readId);
        if (!piece.ok) return piece;
        const { offset, data, done } = piece.value;
        return ok({ offset, data: Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('base64'), done });
      }, services);
    case 'backup:close':
      return withRequest(channel, payload, ({ readId }) => backup.close(readId), services);
    case 'backup:reset':
      return withRequest(channel, payload, () => backup.reset(), services);
    case 'backup:getSettings':
      return withRequest(channel, payload, () => backup.getSettings(), services);
    case 'backup:configure':
      return withRequest(channel, payload, (request) => backup.configure(request), services);
    case 'backup:setPassword':
      return withRequest(channel, payload, ({ password }) => backup.setPassword(password), services);
    case 'backup:setUpEncryption':
      return withRequest(channel, payload, ({ password }) => backup.setUpEncryption(password), services);
    case 'backup:recoverySheet':
      return withRequest(channel, payload, () => backup.showRecoverySheet(), services);
    case 'backup:chooseFolder':
      return withRequest(channel, payload, () => backup.chooseFolder(), services);
    case 'backup:chooseFile':
      return withRequest(channel, payload, () => backup.chooseFile(), services);
    case 'backup:receiveBegin':
      return withRequest(channel, payload, ({ fileName, sizeBytes }) => backup.receiveBegin(fileName, sizeBytes), services);
    case 'backup:receiveAppend':
      return withRequest(channel, payload, ({ receiveId, offset, data }) => backup.receiveAppend(receiveId, offset, Buffer.from(data, 'base64')), services);
    case 'backup:receiveEnd':
      return withRequest(channel, payload, ({ receiveId }) => backup.receiveEnd(receiveId), services);
    case 'backup:showFolder':
      return withRequest(channel, payload, () => backup.showFolder(), services);
    case 'export:begin':
      return withRequest(channel, payload, ({ fileName }) => exportFiles.begin(fileName), services);
    case 'export:append':
      return withRequest(channel, payload, ({ sessionId, offset, data }) => exportFiles.append(sessionId, offset, Buffer.from(data, 'base64')), services);
    case 'export:commit':
      return withRequest(channel, payload, ({ sessionId }) => exportFiles.commit(sessionId), services);
    case 'export:abort':
      return withRequest(channel, payload, ({ sessionId }) => exportFiles.abort(sessionId), services);
    case 'erasures:record':
      return withRequest(channel, payload, ({ entries }) => backup.recordErasures(entries), services);
    case 'erasures:list':
      return withRequest(channel, payload, () => backup.listErasures(), services);
    case 'session:state':
      return withRequest(channel, payload, async () => ok(await services.session.state()), services);
    case 'session:unlock':
      return withRequest(channel, payload, async ({ pin }) => ok(await services.session.unlock(pin)), services);
    case 'session:setPin':
      return withRequest(channel, payload, ({ pin, confirmation }) => services.session.setPin(pin, confirmation), services);
    case 'session:adoptPin':
      return withRequest(channel, payload, ({ record }) => services.session.adoptPin(record), services);
    case 'session:lock':
      return withRequest(channel, payload, async () => ok(await services.session.lock()), services);
    case 'session:touch':
      return withRequest(channel, payload, async () => ok(await services.session.touch()), services);
    case 'reminders:schedule':
      return withRequest(channel, payload, (schedule) => services.reminders.schedule(schedule), services);
    case 'reminders:prefs':
      return withRequest(channel, payload, () => services.reminders.prefs(), services);
    case 'reminders:setPrefs':
      return withRequest(channel, payload, (prefs) => services.reminders.setPrefs(prefs), services);
    case 'surveyScreen:displays':
      return withRequest(channel, payload, () => surveyScreen.displays(), services);
    case 'surveyScreen:open':
      return withRequest(channel, payload, (request) => surveyScreen.open(request), services);
    case 'surveyScreen:close':
      return withRequest(channel, payload, () => surveyScreen.close(), services);
    case 'surveyScreen:status':
      return withRequest(channel, payload, () => surveyScreen.status(), services);
    case 'surveyScreen:recorded':
      return withRequest(channel, payload, ({ sessionId }) => surveyScreen.recorded(sessionId), services);
    case 'surveyScreen:session':
      return withRequest(channel, payload, () => surveyScreen.session(), services);
    case 'surveyScreen:submit':
      return withRequest(channel, payload, ({ sessionId, answer }) => surveyScreen.submit(sessionId, answer), services);
    default:
      return assertNever(channel, 'channel');
  }
}

/** A service bug must not leak odd values to the renderer: values match the contract, reasons are known codes. */
function checkResponse(channel: Channel, result: Result<unknown, FailureReason>, logError: (message: string) => void): Result<unknown, FailureReason> {
  if (typeof result !== 'object' || result === null) {
    logError(`[ipc] ${channel} returned a non-result`);
    return err('internal-error');
  }
  if (result.ok === false) {
    if (KNOWN_REASONS.has(result.reason)) return err(result.reason);
    logError(`[ipc] ${channel} failed with an unknown reason`);
    return err('internal-error');
  }
  const value = contract[channel].response.safeParse(result.value);
  if (!value.success) {
    logError(`[ipc] ${channel} returned a value outside the contract`);
    return err('internal-error');
  }
  return ok(value.data);
}

/** Error name and stack frames only: messages can quote the payload (a URL, a customer name). */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return typeof error;
  const frames = (error.stack ?? '').split('\n').filter((line) => line.trimStart().startsWith('at '));
  return [error.name, ...frames.slice(0, 8)].join('\n');
}
