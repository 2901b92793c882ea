// The encoding of a text file in words, the names as read, and one click to read it another way.
import { useTranslation } from 'react-i18next';
import type { TextEncodingName } from '../../../shared/domain/import';
import type { LoadedFile } from '../../workers/importProtocol';
import './importChecks.css';

const SEPARATOR = '、';

export function EncodingChoice({
  file,
  chosen,
  disabled,
  onChoose,
}: {
  file: LoadedFile;
  /** The clerk's choice, or null for the automatic one. */
  chosen: TextEncodingName | null;
  disabled: boolean;
  onChoose: (encoding: TextEncodingName | null) => void;
}) {
  const { t } = useTranslation();
  const encoding = file.encoding ?? 'utf-8';
  const name = (e: TextEncodingName) => t(`import.file.encodings.${e}`);
  return (
    <div className="import-encoding" data-testid="import-encoding-detected" data-encoding={encoding} data-uncertain={file.encodingUncertain}>
      <p className="import-encoding-line">
        <span>{t('import.encoding.readAs', { encoding: name(encoding) })}</span>
        {file.encodingChosenBy && <span className="muted">{t(`import.encoding.chosenBy.${file.encodingChosenBy}`)}</span>}
      </p>
      {file.encodingSample.length > 0 && (
        <p className="import-encoding-line" data-testid="import-encoding-sample">
          <span className="muted">{t('import.encoding.namesRead')}</span>
          <strong className="import-encoding-values">{file.encodingSample.join(SEPARATOR)}</strong>
        </p>
      )}
      {file.encodingUncertain && chosen === null && (
        <p className="banner banner-warning" role="status" data-testid="import-encoding-uncertain">
          {t('import.encoding.uncertain')}
        </p>
      )}
      <div className="import-encoding-options" role="group" aria-label={t('import.encoding.others')}>
        <span className="muted">{t('import.encoding.others')}</span>
        {file.encodingAlternatives.map((a) => (
          <button
            key={a.encoding}
            type="button"
            className="button button-small import-encoding-option"
            disabled={disabled}
            data-testid={`import-encoding-${a.encoding}`}
            onClick={() => onChoose(a.encoding)}
          >
            <span>{t('import.encoding.switchTo', { encoding: name(a.encoding) })}</span>
            {a.values.length > 0 && <span className="import-encoding-values muted">{a.values.join(SEPARATOR)}</span>}
          </button>
        ))}
        {chosen !== null && (
          <button type="button" className="button button-small" disabled={disabled} data-testid="import-encoding-auto" onClick={() => onChoose(null)}>
            {t('import.encoding.automatic')}
          </button>
        )}
      </div>
    </div>
  );
}
