// One customer's page: the profile, actions, and the timeline that later work fills.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { customers } from '../../db';
import { useCustomer, useSettings } from '../../db/hooks';
import { formatDateTime } from '../../i18n';
import { ConfirmDialog } from '../../ui/Dialog';
import { navigate } from '../../ui/routes';
import { CustomerProfile } from './CustomerProfile';
import { TagList } from './TagList';

export function CustomerPage({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const customer = useCustomer(customerId);
  const region = useSettings()?.defaultRegion ?? 'CN';
  const [confirmTrash, setConfirmTrash] = useState(false);

  if (customer === undefined) return <div className="loading" aria-busy="true" />;
  if (customer === null) {
    return (
      <div className="empty-state">
        <p>{t('customer.notFound')}</p>
        <button type="button" className="button" onClick={() => navigate({ name: 'customers' })}>
          {t('customer.backToList')}
        </button>
      </div>
    );
  }

  const moveToTrash = async () => {
    setConfirmTrash(false);
    await customers.moveToTrash(customer.id);
    navigate({ name: 'customers' });
  };

  return (
    <article className="customer-page" aria-labelledby="customer-name">
      <div className="screen-header">
        <div>
          <a className="back-link" href="#/customers">
            ← {t('customer.backToList')}
          </a>
          <h1 id="customer-name" data-testid="customer-name">
            {customer.name}
          </h1>
          <TagList tags={customer.tags} />
        </div>
        <div className="toolbar">
          {customer.isDeleted ? (
            <button type="button" className="button" onClick={() => void customers.restoreFromTrash(customer.id)} data-testid="restore">
              {t('trash.restore')}
            </button>
          ) : (
            <>
              <button type="button" className="button button-primary" onClick={() => navigate({ name: 'customerEdit', id: customer.id })} data-testid="edit-customer">
                {t('common.edit')}
              </button>
              <button type="button" className="button button-danger-quiet" onClick={() => setConfirmTrash(true)} data-testid="trash-customer">
                {t('customer.moveToTrash')}
              </button>
            </>
          )}
        </div>
      </div>
      {customer.deletedAt && (
        <p className="banner banner-warning" role="status">
          {t('customer.inTrashSince', { date: formatDateTime(customer.deletedAt) })}
        </p>
      )}
      <CustomerProfile customer={customer} region={region} />
      <section className="card timeline" aria-labelledby="timeline-heading">
        <h2 id="timeline-heading">{t('timeline.title')}</h2>
        <p className="muted">{t('timeline.empty')}</p>
      </section>
      {confirmTrash && (
        <ConfirmDialog
          title={t('customer.moveToTrash')}
          message={t('customer.moveToTrashConfirm', { name: customer.name })}
          confirmLabel={t('customer.moveToTrash')}
          danger
          onConfirm={() => void moveToTrash()}
          onCancel={() => setConfirmTrash(false)}
        />
      )}
    </article>
  );
}
