// The tier filter of the customer list and the churn-risk list: every group under the rules in force, "all" first.
import type { StatusGroup } from '../../../shared/domain/statusGroups';
import { groupName, type StatusWording } from './statusText';

interface Props {
  label: string;
  allLabel: string;
  groups: readonly StatusGroup[];
  value: string | null;
  onChange: (tierId: string | null) => void;
  wording: StatusWording;
  testId: string;
}

export function TierFilter({ label, allLabel, groups, value, onChange, wording, testId }: Props) {
  return (
    <label className={value === null ? 'inline-field' : 'inline-field filter-active'}>
      <span>{label}</span>
      <select value={value ?? ''} onChange={(e) => onChange(e.target.value || null)} data-testid={testId}>
        <option value="">{allLabel}</option>
        {groups.map((g) => (
          <option key={g.id} value={g.id}>
            {groupName(wording, g.id)}
          </option>
        ))}
      </select>
    </label>
  );
}
