// The snooze choice as a compact menu (an hour, tomorrow morning, next week), for Today and the churn-risk list.
import { SNOOZE_CHOICES, type SnoozeChoice } from '../../../shared/domain/reminders';
import type { Translate } from './careText';

export interface SnoozeSelectProps {
  t: Translate;
  /** The menu's name and its first line ("稍后提醒", "稍后"). */
  label: string;
  onChoose: (choice: SnoozeChoice) => void;
  disabled?: boolean;
  className?: string;
  testId: string;
}

export function SnoozeSelect({ t, label, onChoose, disabled, className, testId }: SnoozeSelectProps) {
  return (
    <select
      className={className}
      value=""
      aria-label={label}
      disabled={disabled}
      onChange={(e) => {
        const choice = e.target.value as SnoozeChoice | '';
        if (choice) onChoose(choice);
      }}
      data-testid={testId}
    >
      <option value="">{label}</option>
      {SNOOZE_CHOICES.map((c) => (
        <option key={c} value={c}>
          {t(`care.snooze.${c}`)}
        </option>
      ))}
    </select>
  );
}
