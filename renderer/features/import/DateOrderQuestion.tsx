// The date-order question: asked when the file's dates read both ways and the file does not settle it,
// with what the dates say (so one typo is seen as one row, not as the file's order).
import { useTranslation } from 'react-i18next';
import type { DateOrder } from '../../../shared/domain/import';
import type { DateOrderHint } from '../../workers/importProtocol';
import './importChecks.css';

/** Whether the file has dates whose reading depends on the order at all. */
export function hasOrderedDates(hint: DateOrderHint | undefined): boolean {
  return !!hint && hint.ambiguous + hint.dmyOnly + hint.mdyOnly > 0;
}

export function DateOrderQuestion({ hint, choice, onChoose }: { hint: DateOrderHint; choice: DateOrder | null; onChoose: (order: DateOrder) => void }) {
  const { t } = useTranslation();
  const value = choice ?? hint.suggested;
  const waiting = hint.ask && choice === null;
  const facts: string[] = [];
  if (hint.ambiguous > 0) facts.push(t('import.dateOrder.ambiguousRows', { count: hint.ambiguous, n: hint.ambiguous, example: hint.examples.ambiguous }));
  if (hint.dmyOnly > 0) facts.push(t('import.dateOrder.dmyRows', { count: hint.dmyOnly, n: hint.dmyOnly, example: hint.examples.dmyOnly }));
  if (hint.mdyOnly > 0) facts.push(t('import.dateOrder.mdyRows', { count: hint.mdyOnly, n: hint.mdyOnly, example: hint.examples.mdyOnly }));
  return (
    <fieldset
      className={waiting ? 'import-date-order import-date-order-waiting' : 'import-date-order'}
      data-testid="import-date-order"
      data-ask={hint.ask}
      data-value={value ?? ''}
    >
      <legend>{t('import.options.dateOrder')}</legend>
      <ul className="hint import-date-order-facts">
        {facts.map((f, i) => (
          <li key={i}>{f}</li>
        ))}
      </ul>
      <p className={waiting ? 'import-date-order-ask' : 'hint'} role={waiting ? 'status' : undefined}>
        {waiting ? t('import.dateOrder.ask') : choice === null && hint.suggested ? t('import.options.dateOrderDetected') : t('import.dateOrder.chosen')}
      </p>
      {(['mdy', 'dmy'] as const).map((order) => (
        <label key={order} className="check">
          <input type="radio" name="import-date-order" value={order} checked={value === order} onChange={() => onChoose(order)} data-testid={`import-date-order-${order}`} />
          {t(`import.options.dateOrders.${order}`)}
        </label>
      ))}
    </fieldset>
  );
}
