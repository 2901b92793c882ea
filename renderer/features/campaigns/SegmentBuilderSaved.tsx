// The segment builder's saved segments (container): the live list, the one loaded into the builder (and whether the
// builder's conditions differ from it), and the owner's save, change, rename and delete, each checked before the PIN is
// asked and again by the store; a refused name keeps what was typed and says why.
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { canonicalJson } from '../../../shared/domain/auditChain';
import { savedSegmentError, SEGMENT_NAME_MAX, sortSavedSegments, type SavedSegment, type SavedSegmentError } from '../../../shared/domain/campaigns/savedSegment';
import type { SegmentCondition } from '../../../shared/domain/campaigns/segment';
import { savedSegments } from '../../db';
import { useSavedSegments } from '../../db/campaignHooks';
import { SavedSegmentRefusedError } from '../../db/savedSegments';
import { currentLocale } from '../../i18n';
import { useOwnerGate, usePermission } from '../../session/ownerGate';
import { ConfirmDialog } from '../../ui/Dialog';
import { SegmentBuilderSavedView, SegmentNameDialog } from './SegmentBuilderSavedView';

const ACTION = 'campaigns.manage';

type Open = { kind: 'save' } | { kind: 'rename'; segment: SavedSegment } | { kind: 'delete'; segment: SavedSegment } | null;

export function SegmentBuilderSaved({ conditions, onLoad }: { conditions: SegmentCondition[]; onLoad: (conditions: SegmentCondition[]) => void }) {
  const { t } = useTranslation();
  const gate = useOwnerGate();
  const { locked } = usePermission(ACTION);
  const locale = currentLocale();
  const read = useSavedSegments();
  const segments = useMemo(() => (read ? sortSavedSegments(read.segments, locale) : undefined), [read, locale]);
  const [loadedId, setLoadedId] = useState<string | null>(null);
  const [open, setOpen] = useState<Open>(null);
  const [nameError, setNameError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<{ text: string; failed: boolean } | null>(null);

  // The one loaded, as stored now (renamed since: its new name; deleted since: none).
  const loadedSegment = segments?.find((s) => s.id === loadedId) ?? null;
  const changed = loadedSegment !== null && canonicalJson(loadedSegment.conditions) !== canonicalJson(conditions);
  const others = segments ?? [];

  const refusal = (reason: SavedSegmentError, name: string): string => t(`campaigns.segment.saved.errors.${reason}`, { max: SEGMENT_NAME_MAX, name: name.trim() });

  /** Runs a write as the owner; a refusal's reason goes where `onRefused` puts it, any other failure to the status line. */
  const write = (run: () => Promise<string>, onRefused: (reason: SavedSegmentError) => void) => {
    gate.run(ACTION, () => {
      setBusy(true);
      run()
        .then((done) => {
          setOpen(null);
          setNameError(null);
          setStatus({ text: done, failed: false });
        })
        .catch((error: unknown) => {
          if (error instanceof SavedSegmentRefusedError) onRefused(error.reason);
          else {
            console.error(error);
            setOpen(null);
            setStatus({ text: t('campaigns.segment.saved.errors.failed'), failed: true });
          }
        })
        .finally(() => setBusy(false));
    }, t('campaigns.segment.saved.purpose'));
  };

  const save = (name: string) => {
    const error = savedSegmentError(name, conditions, others);
    if (error) return setNameError(refusal(error, name));
    write(async () => {
      const saved = await savedSegments.save(name, conditions);
      setLoadedId(saved.id);
      return t('campaigns.segment.saved.done.saved', { name: saved.name });
    }, (reason) => setNameError(refusal(reason, name)));
  };

  const rename = (segment: SavedSegment, name: string) => {
    const error = savedSegmentError(name, [], others, segment.id);
    if (error) return setNameError(refusal(error, name));
    write(async () => t('campaigns.segment.saved.done.renamed', { name: (await savedSegments.rename(segment.id, name)).name }), (reason) => setNameError(refusal(reason, name)));
  };

  const update = (segment: SavedSegment) => {
    const error = savedSegmentError(segment.name, conditions, [], segment.id);
    if (error) return setStatus({ text: refusal(error, segment.name), failed: true });
    write(async () => t('campaigns.segment.saved.done.updated', { name: (await savedSegments.update(segment.id, conditions)).name }), (reason) => setStatus({ text: refusal(reason, segment.name), failed: true }));
  };

  const remove = (segment: SavedSegment) => {
    write(async () => {
      await savedSegments.remove(segment.id);
      setLoadedId(null);
      return t('campaigns.segment.saved.done.deleted', { name: segment.name });
    }, () => undefined);
  };

  const close = () => {
    setOpen(null);
    setNameError(null);
  };

  return (
    <>
      <SegmentBuilderSavedView
        segments={segments}
        unreadable={read?.unreadable.length ?? 0}
        loaded={loadedSegment ? { segment: loadedSegment, changed } : null}
        locked={locked}
        busy={busy}
        // A success said of the segment loaded stops being news once the builder differs from it.
        status={status && !status.failed && changed ? null : status}
        onLoad={(id) => {
          const segment = segments?.find((s) => s.id === id);
          if (!segment) return setStatus({ text: t('campaigns.segment.saved.errors.gone'), failed: true });
          setLoadedId(id);
          setStatus(null);
          onLoad(structuredClone(segment.conditions));
        }}
        onSave={() => {
          setStatus(null);
          setOpen({ kind: 'save' });
        }}
        onUpdate={() => loadedSegment && update(loadedSegment)}
        onRename={() => loadedSegment && setOpen({ kind: 'rename', segment: loadedSegment })}
        onDelete={() => loadedSegment && setOpen({ kind: 'delete', segment: loadedSegment })}
        onDeleteUnreadable={() => write(async () => {
          for (const id of read?.unreadable ?? []) await savedSegments.remove(id);
          return t('campaigns.segment.saved.done.deletedUnreadable');
        }, () => undefined)}
      />
      {open?.kind === 'save' && (
        <SegmentNameDialog
          title={t('campaigns.segment.saved.saveTitle')}
          intro={t('campaigns.segment.saved.saveIntro')}
          initial=""
          hint={t('campaigns.segment.saved.nameHint', { max: SEGMENT_NAME_MAX })}
          error={nameError}
          busy={busy}
          onSubmit={save}
          onCancel={close}
        />
      )}
      {open?.kind === 'rename' && (
        <SegmentNameDialog
          title={t('campaigns.segment.saved.renameTitle', { name: open.segment.name })}
          initial={open.segment.name}
          hint={t('campaigns.segment.saved.nameHint', { max: SEGMENT_NAME_MAX })}
          error={nameError}
          busy={busy}
          onSubmit={(name) => rename(open.segment, name)}
          onCancel={close}
        />
      )}
      {open?.kind === 'delete' && (
        <ConfirmDialog
          title={t('campaigns.segment.saved.deleteTitle')}
          message={t('campaigns.segment.saved.deleteConfirm', { name: open.segment.name })}
          confirmLabel={t('campaigns.segment.saved.delete')}
          danger
          onCancel={close}
          onConfirm={() => remove(open.segment)}
        />
      )}
    </>
  );
}
