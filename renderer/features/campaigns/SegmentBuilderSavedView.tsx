// The segment builder's saved segments (view): a picker to load one, Save as a group, and for the one loaded whether
// it was changed since, with Save the changes, Rename and Delete (owner only: locked for the clerk); the name dialog
// that keeps what was typed when refused. Props only; SegmentBuilderSaved reads and writes the store.
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SavedSegment } from '../../../shared/domain/campaigns/savedSegment';
import { OwnerLockedButton } from '../../session/OwnerOnly';
import { Dialog } from '../../ui/Dialog';
import { Field } from '../../ui/FormField';

export interface SegmentBuilderSavedViewProps {
  /** In the picker's order; undefined while read. */
  segments: SavedSegment[] | undefined;
  /** Stored rows that do not read as a saved segment. */
  unreadable: number;
  loaded: { segment: SavedSegment; changed: boolean } | null;
  locked: boolean;
  busy: boolean;
  /** What the last action did, or why it failed. */
  status: { text: string; failed: boolean } | null;
  onLoad: (id: string) => void;
  onSave: () => void;
  onUpdate: () => void;
  onRename: () => void;
  onDelete: () => void;
  onDeleteUnreadable: () => void;
}

export function SegmentBuilderSavedView(props: SegmentBuilderSavedViewProps) {
  const { t } = useTranslation();
  const pickId = useId();
  const { segments, loaded, locked } = props;
  return (
    <div className="segment-saved" data-testid="saved-segments">
      <div className="segment-saved-row">
        {segments === undefined ? null : segments.length === 0 ? (
          <span className="muted">{t('campaigns.segment.saved.none')}</span>
        ) : (
          <>
            <label htmlFor={pickId}>{t('campaigns.segment.saved.pick')}</label>
            <select id={pickId} value={loaded?.segment.id ?? ''} onChange={(e) => e.target.value && props.onLoad(e.target.value)} data-testid="saved-segment-pick">
              <option value="">{t('campaigns.segment.saved.choose')}</option>
              {segments.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </>
        )}
        <OwnerLockedButton locked={locked} disabled={props.busy} onClick={props.onSave} testId="saved-segment-save">
          {t('campaigns.segment.saved.save')}
        </OwnerLockedButton>
      </div>
      {loaded && (
        <div className="segment-saved-row segment-saved-loaded">
          <span data-testid="saved-segment-loaded">{t(loaded.changed ? 'campaigns.segment.saved.changed' : 'campaigns.segment.saved.loaded', { name: loaded.segment.name })}</span>
          {loaded.changed && (
            <OwnerLockedButton locked={locked} disabled={props.busy} onClick={props.onUpdate} testId="saved-segment-update">
              {t('campaigns.segment.saved.update')}
            </OwnerLockedButton>
          )}
          <OwnerLockedButton locked={locked} className="button" disabled={props.busy} onClick={props.onRename} testId="saved-segment-rename">
            {t('campaigns.segment.saved.rename')}
          </OwnerLockedButton>
          <OwnerLockedButton locked={locked} className="button button-danger-quiet" disabled={props.busy} onClick={props.onDelete} testId="saved-segment-delete">
            {t('campaigns.segment.saved.delete')}
          </OwnerLockedButton>
        </div>
      )}
      {props.unreadable > 0 && (
        <div className="segment-saved-row">
          <span className="form-error">{t('campaigns.segment.saved.unreadable', { count: props.unreadable })}</span>
          <OwnerLockedButton locked={locked} className="button" disabled={props.busy} onClick={props.onDeleteUnreadable}>
            {t('campaigns.segment.saved.deleteUnreadable')}
          </OwnerLockedButton>
        </div>
      )}
      {props.status && (
        <p className={props.status.failed ? 'form-error' : 'segment-saved-status'} role={props.status.failed ? 'alert' : 'status'} data-testid="saved-segment-status">
          {props.status.text}
        </p>
      )}
    </div>
  );
}

/** The name of a segment to save or rename: kept as typed when refused, the reason under it. */
export function SegmentNameDialog(props: { title: string; intro?: string; initial: string; hint: string; error: string | null; busy: boolean; onSubmit: (name: string) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState(props.initial);
  const id = useId();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    // The dialog sits in a portal, but React passes its submit up to the campaign's own form: it stops here.
    e.stopPropagation();
    props.onSubmit(name);
  };
  return (
    <Dialog title={props.title} onClose={props.onCancel} testId="segment-name-dialog">
      <form noValidate onSubmit={submit} className="segment-name-form">
        {props.intro && <p className="muted">{props.intro}</p>}
        <Field label={t('campaigns.segment.saved.name')} htmlFor={id} error={props.error ?? undefined} hint={props.hint}>
          <input id={id} value={name} onChange={(e) => setName(e.target.value)} data-autofocus autoComplete="off" />
        </Field>
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={props.busy}>
            {t('common.save')}
          </button>
          <button type="button" className="button" onClick={props.onCancel}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
