// The desktop notification for a failed backup, in the app's three languages (shown with the window closed too).
import type { BackupFailure, BackupTrigger } from '../../../shared/backup/format';
import type { AppLocale } from '../../../shared/ipc/contract';
import type { DesktopNotice } from '../../../shared/ipc/notices';

export interface BackupNotice {
  kind: 'backup-failed';
  reason: BackupFailure;
  trigger: BackupTrigger;
}

interface NoticeTexts {
  title: string;
  /** One sentence per reason the owner can act on; `other` for the rest. */
  reasons: Partial<Record<BackupFailure, string>> & { other: string };
  earlierSafe: string;
}

export const BACKUP_NOTICE_TEXTS: Readonly<Record<AppLocale, NoticeTexts>> = {
  'zh-CN': {
    title: '备份失败',
    reasons: {
      'backup-disk-full': '备份位置的磁盘已满。',
      'backup-folder-missing': '找不到备份文件夹（U 盘是否已拔出？）。',
      'backup-no-permission': '没有写入备份文件夹的权限。',
      'backup-verify-failed': '写入后读回的备份与原数据不一致。',
      'backup-too-large': '数据太大，无法写成一个备份。',
      'backup-password-unreadable': '无法读取已保存的备份密码，请重新设置。',
      other: '写入备份时出错。',
    },
    earlierSafe: '以前的备份没有受到影响。',
  },
  'zh-TW': {
    title: '備份失敗',
    reasons: {
      'backup-disk-full': '備份位置的磁碟已滿。',
      'backup-folder-missing': '找不到備份資料夾（隨身碟是否已拔除？）。',
      'backup-no-permission': '沒有寫入備份資料夾的權限。',
      'backup-verify-failed': '寫入後讀回的備份與原資料不一致。',
      'backup-too-large': '資料太大，無法寫成一個備份。',
      'backup-password-unreadable': '無法讀取已儲存的備份密碼，請重新設定。',
      other: '寫入備份時發生錯誤。',
    },
    earlierSafe: '先前的備份沒有受到影響。',
  },
  en: {
    title: 'Backup failed',
    reasons: {
      'backup-disk-full': 'The disk where backups go is full.',
      'backup-folder-missing': 'The backup folder cannot be found (was a USB drive removed?).',
      'backup-no-permission': 'The app may not write to the backup folder.',
      'backup-verify-failed': 'The backup read back after writing did not match.',
      'backup-too-large': 'The data is too large for one backup.',
      'backup-password-unreadable': 'The saved backup password cannot be read; please set it again.',
      other: 'Something went wrong while writing the backup.',
    },
    earlierSafe: 'Earlier backups are untouched.',
  },
};

export function backupNoticeText(locale: AppLocale, notice: BackupNotice): { title: string; body: string } {
  const texts = BACKUP_NOTICE_TEXTS[locale];
  const reason = texts.reasons[notice.reason] ?? texts.reasons.other;
  const separator = locale === 'en' ? ' ' : '';
  return { title: texts.title, body: `${reason}${separator}${texts.earlierSafe}` };
}

/** The notification a backup notice raises: its click opens the backup screen, where the owner can act. */
export function backupNotification(locale: AppLocale, notice: BackupNotice): DesktopNotice {
  return { ...backupNoticeText(locale, notice), target: { name: 'backups' } };
}

interface DialogTexts {
  chooseFolder: string;
  chooseFile: string;
  backupFiles: string;
  allFiles: string;
  /** The save dialog of an export (customers, purchases, contacts). */
  saveExport: string;
}

export const BACKUP_DIALOG_TEXTS: Readonly<Record<AppLocale, DialogTexts>> = {
  'zh-CN': { chooseFolder: '选择备份文件夹', chooseFile: '选择要恢复的备份', backupFiles: '熟客备份', allFiles: '所有文件', saveExport: '保存导出文件' },
  'zh-TW': { chooseFolder: '選擇備份資料夾', chooseFile: '選擇要還原的備份', backupFiles: '熟客備份', allFiles: '所有檔案', saveExport: '儲存匯出檔案' },
  en: { chooseFolder: 'Choose the backup folder', chooseFile: 'Choose a backup to restore', backupFiles: 'Regulars backups', allFiles: 'All files', saveExport: 'Save the export' },
};
