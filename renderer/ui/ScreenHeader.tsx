// The head of a list screen: its title (the heading the screen's section is labelled by), an optional
// line under it, and a toolbar of filters, the count and the actions, in that order.
import type { ReactNode } from 'react';

export interface ScreenHeaderProps {
  /** The heading's id: the screen's section names itself with aria-labelledby. */
  headingId: string;
  title: ReactNode;
  /** A line under the title saying what the screen is for. */
  intro?: ReactNode;
  /** Filters, in a row that wraps as a whole. */
  filters?: ReactNode;
  /** How many rows there are (and any note on them), after the filters. */
  count?: ReactNode;
  /** Buttons and links, last. */
  actions?: ReactNode;
}

export function ScreenHeader({ headingId, title, intro, filters, count, actions }: ScreenHeaderProps) {
  const toolbar = filters !== undefined || count !== undefined || actions !== undefined;
  return (
    <div className="screen-header">
      <div className="screen-header-title">
        <h1 id={headingId}>{title}</h1>
        {intro !== undefined && <p className="muted">{intro}</p>}
      </div>
      {toolbar && (
        <div className="toolbar">
          {filters !== undefined && <div className="list-filters">{filters}</div>}
          {count}
          {actions}
        </div>
      )}
    </div>
  );
}
