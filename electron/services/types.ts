// What the IPC handlers may call. Services get the OS handed in, so tests and web mode supply their own.
import type { AppInfo, AppSecurity, FailureReason } from '../../shared/ipc/contract';
import type { Result } from '../../shared/result';
import type { BackupService } from './backup';
import type { ExportFileService } from './exportFileService';
import type { OwnerSessionService } from './ownerSession';
import type { RemindersService } from './reminders';
import type { SurveyScreenService } from './surveyScreen';

export interface MainServices {
  appInfo(): AppInfo;
  /** The walls Electron puts around the page (context isolation, sandbox, CSP, fuses); none outside Electron. */
  appSecurity(): AppSecurity;
  openExternal(url: string): Promise<Result<null, FailureReason>>;
  backup: BackupService;
  /** Export files (CSV/XLSX) the page built, written to disk. */
  exportFiles: ExportFileService;
  /** The owner PIN and who is at the keyboard (owner or clerk). */
  session: OwnerSessionService;
  /** Care pop-ups: the page's schedule, raised when due, and the owner's pop-up preferences. */
  reminders: RemindersService;
  /** The customer-facing survey screen: its window, its one session, the answers given on it. */
  surveyScreen: SurveyScreenService;
  /** The page has done what it must before its window closes (see electron/closeGuard.ts). */
  closeReady(): void;
}
