// How the reports write a figure: counts and points grouped in the reader's language, money in the store's currency,
// shares as whole percents, NPS signed, hours to one decimal. Pure: the words, the language and the money format come in.
import { assertNever } from '../../../shared/result';
import { formatCount } from '../../i18n/numbers';
import { npsText } from '../satisfaction/figureText';
import type { ChartUnit, FormatValue } from './chart/chartModel';

type Translate = (key: string, options?: Record<string, unknown>) => string;

export function reportFormat(t: Translate, locale: string, money: (minor: number) => string): FormatValue {
  const oneDecimal = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  return (unit: ChartUnit, value: number) => {
    switch (unit) {
      case 'count':
      case 'points':
        return formatCount(Math.round(value), locale);
      case 'money':
        return money(Math.round(value));
      case 'percent':
        return t('reports.percent', { value: formatCount(Math.round(value), locale) });
      case 'score':
        return npsText({ score: value });
      case 'hours':
        return t('reports.hours', { value: oneDecimal.format(value) });
      default:
        return assertNever(unit);
    }
  };
}

/** A change in percent as "+12%" / "−8%" (a true minus sign), or null without a base. */
export function changeText(t: Translate, change: number | null): string | null {
  if (change === null) return null;
  const n = Math.round(change);
  return t('reports.percent', { value: n > 0 ? `+${n}` : n < 0 ? `\u2212${-n}` : '0' });
}
