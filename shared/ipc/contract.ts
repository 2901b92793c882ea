// The IPC contract, declared once: channel names, request/response schemas, and the typed API
// that preload exposes and that tests and the web mode build over their own transports.
import { z } from 'zod';
import type { Result } from '../result';

export const APP_LOCALES = ['zh-CN', 'zh-TW', 'en'] as const;
export type AppLocale = (typeof APP_LOCALES)[number];

export const appInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  /** The operating system's preferred language, as the OS reports it (e.g. "zh-Hant-TW", "en-US"). */
  systemLocale: z.string(),
  dataFolder: z.string(),
  platform: z.string(),
  /** 'desktop' inside Electron; 'web' in the browser mode (npm run dev:web) and in end-to-end tests. */
  shell: z.enum(['desktop', 'web']),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

export const openExternalRequestSchema = z.object({ url: z.string().min(1).max(2048) }).strict();
export type OpenExternalRequest = z.infer<typeof openExternalRequestSchema>;

/** Every channel: `noun:verb`, its request schema and its response value schema. */
export const contract = {
  'app:info': { request: z.undefined(), response: appInfoSchema },
  'link:open': { request: openExternalRequestSchema, response: z.null() },
} as const;

export type Channel = keyof typeof contract;
export const CHANNELS = Object.keys(contract) as Channel[];
export type RequestOf<C extends Channel> = z.infer<(typeof contract)[C]['request']>;
export type ResponseOf<C extends Channel> = z.infer<(typeof contract)[C]['response']>;

/**
 * Reasons a request can fail. The renderer translates each one (errors.<reason>),
 * so they are codes, never sentences.
 */
export const FAILURE_REASONS = [
  'invalid-request',
  'unknown-channel',
  'untrusted-sender',
  'url-not-allowed',
  'unavailable',
  'internal-error',
] as const;
export type FailureReason = (typeof FAILURE_REASONS)[number];

export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(contract, value);
}

const resultSchemaCache = new Map<Channel, z.ZodType>();
function resultSchema(channel: Channel): z.ZodType {
  let schema = resultSchemaCache.get(channel);
  if (!schema) {
    schema = z.union([
      z.object({ ok: z.literal(true), value: contract[channel].response }),
      z.object({ ok: z.literal(false), reason: z.string() }),
    ]);
    resultSchemaCache.set(channel, schema);
  }
  return schema;
}

/** A transport: Electron's ipcRenderer.invoke, an HTTP call in web mode, a Playwright binding in tests. */
export type Invoke = (channel: Channel, payload: unknown) => Promise<unknown>;

export type DesktopApi = ReturnType<typeof createDesktopApi>;

/** The one typed API over any transport. Responses are checked too: a broken transport fails loudly. */
export function createDesktopApi(invoke: Invoke) {
  async function call<C extends Channel>(channel: C, payload: RequestOf<C>): Promise<Result<ResponseOf<C>>> {
    let raw: unknown;
    try {
      raw = await invoke(channel, payload);
    } catch {
      return { ok: false, reason: 'unavailable' };
    }
    const parsed = resultSchema(channel).safeParse(raw);
    if (!parsed.success) return { ok: false, reason: 'internal-error' };
    return parsed.data as Result<ResponseOf<C>>;
  }
  return {
    app: {
      info: () => call('app:info', undefined),
    },
    links: {
      openExternal: (url: string) => call('link:open', { url }),
    },
  };
}
