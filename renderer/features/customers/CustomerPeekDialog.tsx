// A quick look at another customer without leaving the current screen (e.g. from a duplicate warning).
import { useTranslation } from 'react-i18next';
import { useCustomer, useSettings } from '../../db/hooks';
import { useUiStore } from '../../stores/ui';
import { Dialog } from '../../ui/Dialog';
import { navigate } from '../../ui/routes';
import { CustomerProfile } from './CustomerProfile';

export function CustomerPeekDialog({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const customer = useCustomer(customerId);
  const region = useSettings()?.defaultRegion ?? 'CN';
  const close = useUiStore((s) => s.setPeekCustomerId);
  return (
    <Dialog
      title={customer ? customer.name : t('common.loading')}
      onClose={() => close(null)}
      wide
      testId="peek-dialog"
      footer={
        <>
          <button type="button" className="button" onClick={() => close(null)}>
            {t('common.close')}
          </button>
          <button
            type="button"
            className="button button-primary"
            onClick={() => {
              close(null);
              navigate({ name: 'customer', id: customerId });
            }}
          >
            {t('customer.openFile')}
          </button>
        </>
      }
    >
      {customer === null && <p>{t('customer.notFound')}</p>}
      {customer && (
        <>
          {customer.deletedAt && <p className="banner banner-warning">{t('customer.inTrash')}</p>}
          <CustomerProfile customer={customer} region={region} />
        </>
      )}
    </Dialog>
  );
}
