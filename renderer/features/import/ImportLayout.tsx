// Where the table is in the file: the sheet of a workbook and the header row, as detected, for the
// clerk to change when a title, notes or an instructions sheet fooled the detection.
import { useTranslation } from 'react-i18next';
import type { LayoutChoice } from '../../../shared/domain/import';
import type { LoadedFile } from '../../workers/importProtocol';

/** A leading row as one line for the picker: its filled cells joined, cut to a readable length. */
function rowText(cells: readonly string[]): string {
  const text = cells.map((c) => c.trim()).filter(Boolean).join(' · ');
  return [...text].length > 60 ? `${[...text].slice(0, 59).join('')}…` : text;
}

export function ImportLayoutChoices({ file, disabled, onChange }: { file: LoadedFile; disabled: boolean; onChange: (choice: LayoutChoice) => void }) {
  const { t } = useTranslation();
  const manySheets = file.sheets.length > 1;
  const headerChoices = file.leadingRows.length > 1;
  if (!manySheets && !headerChoices) return null;
  return (
    <div className="toolbar import-file-details" data-testid="import-layout">
      {manySheets && (
        <label className="inline-field">
          <span>{t('import.layout.sheet')}</span>
          <select
            value={file.sheetName ?? ''}
            disabled={disabled}
            data-testid="import-sheet"
            onChange={(e) => onChange({ sheet: e.target.value, headerRow: null })}
          >
            {file.sheets.map((s) => (
              <option key={s.name} value={s.name}>
                {s.looksLikeData
                  ? t('import.layout.sheetRows', { name: s.name, count: s.rowCount, n: s.rowCount.toLocaleString() })
                  : t('import.layout.sheetNoTable', { name: s.name })}
              </option>
            ))}
          </select>
        </label>
      )}
      {headerChoices && (
        <label className="inline-field">
          <span>{t('import.layout.headerRow')}</span>
          <select
            value={file.headerRowNumber}
            disabled={disabled}
            data-testid="import-header-row"
            onChange={(e) => onChange({ sheet: file.sheetName, headerRow: Number(e.target.value) })}
          >
            {file.leadingRows.map((r) => (
              <option key={r.number} value={r.number}>
                {t('import.layout.rowOption', { row: r.number, text: rowText(r.cells) })}
              </option>
            ))}
          </select>
        </label>
      )}
      {file.headerRowNumber > (file.leadingRows[0]?.number ?? 1) && (
        <span className="muted" data-testid="import-header-skipped">
          {t('import.layout.skippedAbove', { row: file.headerRowNumber })}
        </span>
      )}
    </div>
  );
}
