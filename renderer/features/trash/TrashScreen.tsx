// The trash: deleted customers can be restored, or (by the owner) deleted for good after a confirmation, one or all.
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Customer } from '../../../shared/domain/customer';
import { primaryPhone } from '../../../shared/domain/customer';
import { formatPhoneForDisplay } from '../../../shared/domain/phone';
import { customers } from '../../db';
import { useSettings, useTrash } from '../../db/hooks';
import { formatDateTime } from '../../i18n';
import { ConfirmDialog } from '../../ui/Dialog';
import { routeHref } from '../../ui/routes';
import { ScreenHeader } from '../../ui/ScreenHeader';
import { VirtualTable, type TableColumn } from '../../ui/VirtualTable';
import { OwnerButton } from '../../session/OwnerOnly';
import './trash.css';

const ROW_HEIGHT = 48;
const customerName = (c: Customer) => c.name;

export function TrashScreen() {
  const { t } = useTranslation();
  const trash = useTrash();
  const region = useSettings()?.defaultRegion ?? 'CN';
  const [confirm, setConfirm] = useState<Customer | null>(null);
  const [confirmEmpty, setConfirmEmpty] = useState(false);
  const [emptied, setEmptied] = useState<{ ok: boolean; count: number } | null>(null);
  const byId = useMemo(() => trash && new Map(trash.map((c) => [c.id, c])), [trash]);

  const columns = useMemo(
    (): TableColumn<Customer>[] => [
      { id: 'name', header: () => t('customer.fields.name'), cell: (c) => <a href={routeHref({ name: 'customer', id: c.id })}>{c.name}</a> },
      {
        id: 'phone',
        header: () => t('customer.fields.phone'),
        className: 'mono',
        cell: (c) => {
          const phone = primaryPhone(c);
          return phone ? formatPhoneForDisplay(phone, region) : '—';
        },
      },
      { id: 'deletedAt', header: () => t('trash.deletedAt'), cell: (c) => (c.deletedAt ? formatDateTime(c.deletedAt) : '') },
      {
        id: 'actions',
        header: () => <span className="visually-hidden">{t('common.actions')}</span>,
        cell: (c) => (
          <div className="actions">
            <button type="button" className="button button-small" onClick={() => void customers.restoreFromTrash(c.id)} data-testid="restore">
              {t('trash.restore')}
            </button>
            <OwnerButton action="customers.deleteForGood" className="button button-small button-danger-quiet" onClick={() => setConfirm(c)} testId="delete-forever">
              {t('trash.deleteForever')}
            </OwnerButton>
          </div>
        ),
      },
    ],
    [t, region],
  );

  return (
    <section className="list-screen" aria-labelledby="trash-heading">
      <ScreenHeader
        headingId="trash-heading"
        title={t('nav.trash')}
        intro={t('trash.explain')}
        actions={
          trash && trash.length > 0 ? (
            <OwnerButton action="trash.empty" className="button button-danger-quiet" onClick={() => setConfirmEmpty(true)} testId="empty-trash">
              {t('trash.emptyTrash')}
            </OwnerButton>
          ) : undefined
        }
      />
      {emptied && (
        <p className={emptied.ok ? 'banner banner-success' : 'banner banner-error'} role="status" data-testid="trash-emptied">
          {emptied.ok ? t('trash.emptied', { count: emptied.count }) : t('trash.emptyFailed')}
        </p>
      )}
      {trash === undefined ? (
        <div className="loading" aria-busy="true" />
      ) : (
        <VirtualTable
          count={trash.length}
          keyAt={(index) => trash[index]?.id}
          rowOf={(id) => byId?.get(id)}
          columns={columns}
          rowHeight={ROW_HEIGHT}
          rowLabel={customerName}
          label={t('nav.trash')}
          className="trash-table"
          testId="trash-table"
          rowTestId="trash-row"
          empty={<p>{t('trash.empty')}</p>}
        />
      )}
      {confirm && (
        <ConfirmDialog
          title={t('trash.deleteForever')}
          message={t('trash.deleteForeverConfirm', { name: confirm.name })}
          confirmLabel={t('trash.deleteForever')}
          danger
          onCancel={() => setConfirm(null)}
          onConfirm={() => {
            const id = confirm.id;
            setConfirm(null);
            void customers.deleteForever(id);
          }}
        />
      )}
      {confirmEmpty && trash && (
        <ConfirmDialog
          title={t('trash.emptyTrash')}
          message={t('trash.emptyTrashConfirm', { count: trash.length })}
          confirmLabel={t('trash.emptyTrash')}
          danger
          onCancel={() => setConfirmEmpty(false)}
          onConfirm={() => {
            setConfirmEmpty(false);
            setEmptied(null);
            customers.emptyTrash().then(
              (count) => setEmptied({ ok: true, count }),
              (error: unknown) => {
                console.error(error);
                setEmptied({ ok: false, count: 0 });
              },
            );
          }}
        />
      )}
    </section>
  );
}
