// The owner's greetings editor, drawn from props only: the store name, one template per occasion with its
// fields to insert, a live preview for a sample customer, restore default and save.
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Action } from '../../../shared/domain/permissions';
import { GREETING_OCCASIONS, greetingPurpose, isMarketingOccasion, type GreetingOccasion } from '../../../shared/domain/greetings';
import { OwnerButton } from '../../session/OwnerOnly';

export interface GreetingFieldChip {
  /** What is inserted: the field in the language's words, {称呼}. */
  token: string;
  /** What it fills with. */
  hint: string;
}

export interface GreetingEditorViewProps {
  /** The owner-only action that saves (the gate asks for the PIN). */
  action: Action;
  locked: boolean;
  storeName: string;
  storeNameError: string | null;
  onStoreNameChange: (text: string) => void;
  onSaveStoreName: () => void;
  occasion: GreetingOccasion;
  onOccasionChange: (occasion: GreetingOccasion) => void;
  /** Per occasion: whether the owner's own text is stored (else the default is in use). */
  custom: Readonly<Record<GreetingOccasion, boolean>>;
  /** Occasions with unsaved changes. */
  changed: Readonly<Record<GreetingOccasion, boolean>>;
  text: string;
  onTextChange: (text: string) => void;
  fields: GreetingFieldChip[];
  /** What is wrong with the text as typed, or null. */
  error: string | null;
  /** The text filled for the sample customer; null while it does not parse. */
  preview: string | null;
  sampleName: string;
  onRestore: () => void;
  onSave: () => void;
  busy: boolean;
  /** The last save's outcome, in words. */
  status: { tone: 'ok' | 'error'; text: string } | null;
}

export function GreetingEditorView(props: GreetingEditorViewProps) {
  const { t } = useTranslation();
  const area = useRef<HTMLTextAreaElement>(null);
  const { occasion } = props;

  // Inserts a field at the caret (or over the selection), and puts the caret after it.
  const insert = (token: string) => {
    const el = area.current;
    const start = el?.selectionStart ?? props.text.length;
    const end = el?.selectionEnd ?? props.text.length;
    const next = props.text.slice(0, start) + token + props.text.slice(end);
    props.onTextChange(next);
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(start + token.length, start + token.length);
    });
  };

  return (
    <section className="card greeting-editor" aria-labelledby="greetings-heading" data-testid="greetings-card">
      <div className="card-heading-row">
        <h2 id="greetings-heading">{t('care.greetings.editor.title')}</h2>
      </div>
      <p className="hint">{t('care.greetings.editor.intro')}</p>
      {props.locked && <p className="hint">{t('care.greetings.editor.locked')}</p>}
      <div className="form-field greeting-store">
        <label htmlFor="greeting-store-name">{t('care.greetings.editor.storeName')}</label>
        <div className="greeting-store-row">
          <input
            id="greeting-store-name"
            value={props.storeName}
            onChange={(e) => props.onStoreNameChange(e.target.value)}
            aria-invalid={props.storeNameError ? true : undefined}
            aria-describedby="greeting-store-name-hint"
            data-testid="greeting-store-name"
          />
          <OwnerButton action={props.action} className="button" onClick={props.onSaveStoreName} disabled={props.busy} testId="greeting-store-save">
            {t('care.greetings.editor.save')}
          </OwnerButton>
        </div>
        {props.storeNameError ? (
          <span className="form-error" role="alert" id="greeting-store-name-hint">
            {props.storeNameError}
          </span>
        ) : (
          <span className="hint" id="greeting-store-name-hint">
            {t('care.greetings.editor.storeNameHint')}
          </span>
        )}
      </div>

      <div className="segmented segmented-wrap greeting-occasions" role="tablist" aria-label={t('care.greetings.editor.occasion')}>
        {GREETING_OCCASIONS.map((o) => (
          <button
            key={o}
            type="button"
            role="tab"
            id={`greeting-tab-${o}`}
            aria-selected={o === occasion}
            aria-controls="greeting-tab-panel"
            className={o === occasion ? 'segment selected' : 'segment'}
            onClick={() => props.onOccasionChange(o)}
            data-testid={`greeting-occasion-${o}`}
          >
            {t(`care.greetings.occasions.${o}`)}
            {props.changed[o] && <span aria-hidden="true"> •</span>}
          </button>
        ))}
      </div>

      <div role="tabpanel" id="greeting-tab-panel" aria-labelledby={`greeting-tab-${occasion}`} className="greeting-tab">
        <div className="greeting-tab-head">
          <span className={props.custom[occasion] ? 'badge' : 'badge badge-quiet'} data-testid="greeting-kind">
            {props.custom[occasion] ? t('care.greetings.editor.custom') : t('care.greetings.editor.default')}
          </span>
          {isMarketingOccasion(occasion) && <span className="hint">{t('care.greetings.marketing')}</span>}
        </div>
        <div className={props.error ? 'form-field has-error' : 'form-field'}>
          <label htmlFor="greeting-template">{t('care.greetings.editor.template')}</label>
          <textarea
            id="greeting-template"
            ref={area}
            rows={3}
            value={props.text}
            onChange={(e) => props.onTextChange(e.target.value)}
            aria-invalid={props.error ? true : undefined}
            aria-describedby={props.error ? 'greeting-template-error' : undefined}
            data-testid="greeting-template"
            data-purpose={greetingPurpose(occasion)}
          />
          {props.error && (
            <span className="form-error" role="alert" id="greeting-template-error" data-testid="greeting-template-error">
              {props.error}
            </span>
          )}
        </div>
        <div className="chips greeting-fields" role="group" aria-label={t('care.greetings.editor.fields')}>
          <span className="hint">{t('care.greetings.editor.fields')}</span>
          {props.fields.map((f) => (
            <button key={f.token} type="button" className="chip" title={f.hint} onClick={() => insert(f.token)} data-testid="greeting-field-chip">
              {f.token}
            </button>
          ))}
        </div>
        <figure className="greeting-preview" aria-live="polite">
          <figcaption className="hint">{t('care.greetings.editor.preview', { name: props.sampleName })}</figcaption>
          <p data-testid="greeting-preview">{props.preview ?? '—'}</p>
        </figure>
        <div className="card-actions">
          <OwnerButton
            action={props.action}
            className="button button-primary"
            onClick={props.onSave}
            disabled={props.busy || !props.changed[occasion] || props.error !== null}
            testId="greeting-save"
          >
            {t('care.greetings.editor.save')}
          </OwnerButton>
          <OwnerButton action={props.action} className="button" onClick={props.onRestore} disabled={props.busy || (!props.custom[occasion] && !props.changed[occasion])} testId="greeting-restore">
            {t('care.greetings.editor.restore')}
          </OwnerButton>
          {props.status && (
            <span className={props.status.tone === 'ok' ? 'hint' : 'form-error'} role={props.status.tone === 'ok' ? 'status' : 'alert'} data-testid="greeting-status">
              {props.status.text}
            </span>
          )}
        </div>
      </div>
    </section>
  );
}
