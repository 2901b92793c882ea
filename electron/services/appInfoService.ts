// Facts about the running app, fixed at start-up and checked against the contract then.
import { appInfoSchema, appSecuritySchema, type AppInfo, type AppSecurity } from '../../shared/ipc/contract';

export type AppInfoInput = AppInfo;

/** Throws at start-up on a malformed input: better a loud failure than a wrong About box later. */
export function createAppInfoService(input: AppInfoInput): () => AppInfo {
  const info = Object.freeze(appInfoSchema.parse(input));
  return () => ({ ...info });
}

/** The Electron protections main set up (electron/security/securityFacts.ts); null outside Electron. */
export function createAppSecurityService(input: AppSecurity): () => AppSecurity {
  const facts = appSecuritySchema.parse(input);
  return () => structuredClone(facts);
}
