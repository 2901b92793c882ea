// Cells that held characters nobody can see (NUL, zero-width spaces): removed, and each one named.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LoadedFile } from '../../workers/importProtocol';
import './importChecks.css';

const SHOWN_AT_FIRST = 5;

export function InvisibleNotice({ file }: { file: LoadedFile }) {
  const { t } = useTranslation();
  const [all, setAll] = useState(false);
  if (file.invisibleCount === 0) return null;
  const shown = all ? file.invisible : file.invisible.slice(0, SHOWN_AT_FIRST);
  const count = file.invisibleCount;
  return (
    <div className="banner banner-warning import-invisible" role="status" data-testid="import-invisible" data-count={count}>
      <p>{t('import.invisible.summary', { count, n: count })}</p>
      <table className="import-invisible-table">
        <thead>
          <tr>
            <th>{t('import.preview.row')}</th>
            <th>{t('import.invisible.column')}</th>
            <th>{t('import.invisible.asItWas')}</th>
            <th>{t('import.invisible.what')}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((r, i) => (
            <tr key={i} data-testid="import-invisible-row" data-row={r.rowNumber}>
              <td className="num">{t('import.preview.rowN', { row: r.rowNumber })}</td>
              <td>{r.columnIsField ? t(`import.targets.${r.column}`) : r.column}</td>
              <td className="import-value">{r.shown}</td>
              <td>{r.kinds.map((k) => t(`import.invisible.kinds.${k}`)).join(t('import.invisible.and'))}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {file.invisible.length > SHOWN_AT_FIRST && (
        <button type="button" className="button button-small" onClick={() => setAll(!all)} aria-expanded={all}>
          {all ? t('import.invisible.fewer') : t('import.invisible.all', { n: file.invisible.length })}
        </button>
      )}
      {count > file.invisible.length && <p className="hint">{t('import.preview.more', { n: count - file.invisible.length })}</p>}
    </div>
  );
}
