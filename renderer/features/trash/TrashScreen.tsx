// The trash: deleted customers can be restored, or deleted for good after a confirmation.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Customer } from '../../../shared/domain/customer';
import { primaryPhone } from '../../../shared/domain/customer';
import { formatPhoneForDisplay } from '../../../shared/domain/phone';
import { customers } from '../../db';
import { useSettings, useTrash } from '../../db/hooks';
import { formatDateTime } from '../../i18n';
import { ConfirmDialog } from '../../ui/Dialog';
import { routeHref } from '../../ui/routes';

export function TrashScreen() {
  const { t } = useTranslation();
  const trash = useTrash();
  const region = useSettings()?.defaultRegion ?? 'CN';
  const [confirm, setConfirm] = useState<Customer | null>(null);

  return (
    <section aria-labelledby="trash-heading">
      <div className="screen-header screen-header-stacked">
        <h1 id="trash-heading">{t('nav.trash')}</h1>
        <p className="muted">{t('trash.explain')}</p>
      </div>
      {trash === undefined ? (
        <div className="loading" aria-busy="true" />
      ) : trash.length === 0 ? (
        <div className="empty-state">
          <p>{t('trash.empty')}</p>
        </div>
      ) : (
        <table className="simple-table" data-testid="trash-table">
          <thead>
            <tr>
              <th>{t('customer.fields.name')}</th>
              <th>{t('customer.fields.phone')}</th>
              <th>{t('trash.deletedAt')}</th>
              <th>
                <span className="visually-hidden">{t('common.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {trash.map((c) => {
              const phone = primaryPhone(c);
              return (
                <tr key={c.id} data-testid="trash-row">
                  <td>
                    <a href={routeHref({ name: 'customer', id: c.id })}>{c.name}</a>
                  </td>
                  <td className="mono">{phone ? formatPhoneForDisplay(phone, region) : '—'}</td>
                  <td>{c.deletedAt ? formatDateTime(c.deletedAt) : ''}</td>
                  <td>
                    <div className="actions">
                    <button type="button" className="button button-small" onClick={() => void customers.restoreFromTrash(c.id)} data-testid="restore">
                      {t('trash.restore')}
                    </button>
                    <button type="button" className="button button-small button-danger-quiet" onClick={() => setConfirm(c)} data-testid="delete-forever">
                      {t('trash.deleteForever')}
                    </button>
                    </div>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
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
    </section>
  );
}
