import { describe, expect, it } from 'vitest';
import { BACKUP_WRITE_FAILURES } from '../../../shared/backup/format';
import { APP_LOCALES } from '../../../shared/ipc/contract';
import { BACKUP_DIALOG_TEXTS, BACKUP_NOTICE_TEXTS, backupNotification, backupNoticeText } from './notices';

describe('backup failure notifications', () => {
  it('say what went wrong, and that earlier backups are safe, in every language', () => {
    for (const locale of APP_LOCALES) {
      const texts = BACKUP_NOTICE_TEXTS[locale];
      for (const reason of [...BACKUP_WRITE_FAILURES, 'backup-password-unreadable' as const]) {
        const { title, body } = backupNoticeText(locale, { kind: 'backup-failed', reason, trigger: 'automatic' });
        expect(title).toBe(texts.title);
        expect(body.endsWith(texts.earlierSafe)).toBe(true);
        if (reason !== 'backup-write-failed') expect(body.startsWith(texts.reasons.other), `${locale} ${reason}`).toBe(false);
      }
    }
    expect(backupNoticeText('en', { kind: 'backup-failed', reason: 'backup-disk-full', trigger: 'manual' })).toEqual({
      title: 'Backup failed',
      body: 'The disk where backups go is full. Earlier backups are untouched.',
    });
  });

  it('open the backup screen when clicked, worded as above', () => {
    for (const locale of APP_LOCALES) {
      const notice = { kind: 'backup-failed', reason: 'backup-no-permission', trigger: 'quit' } as const;
      expect(backupNotification(locale, notice)).toEqual({ ...backupNoticeText(locale, notice), target: { name: 'backups' } });
    }
  });

  it('write Traditional characters in zh-TW and Simplified ones in zh-CN', () => {
    const all = (locale: 'zh-CN' | 'zh-TW') => JSON.stringify([BACKUP_NOTICE_TEXTS[locale], BACKUP_DIALOG_TEXTS[locale]]);
    for (const simplified of '备败满权写读设据数无夹没响该资档选择还') expect(all('zh-TW')).not.toContain(simplified);
    for (const traditional of '備敗滿權寫讀設據數無夾沒響該資檔選擇還') expect(all('zh-CN')).not.toContain(traditional);
  });
});
