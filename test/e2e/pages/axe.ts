// axe's WCAG 2.1 A and AA rules over the page as it is now: only the violations are gathered (the details of the
// rules that pass are never read).
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] as const;

export type AxeViolation = Awaited<ReturnType<AxeBuilder['analyze']>>['violations'][number];

export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  // One options object: AxeBuilder's options() replaces what withTags() set, and every rule would run.
  const result = await new AxeBuilder({ page }).options({ runOnly: { type: 'tag', values: [...WCAG_TAGS] }, resultTypes: ['violations'] }).analyze();
  return result.violations;
}

/** The violations, one line per element: the rule and where. */
export async function axeFindings(page: Page): Promise<string[]> {
  return (await axeViolations(page)).flatMap((v) => v.nodes.map((n) => `${v.id} at ${n.target.join(' ')}`));
}
