// Which screen the page prints: the one shown last that prints (a dialog over a screen wins), named on the body as
// data-print while it is shown, so each screen's print CSS is scoped to body[data-print='<its name>'] and no screen's
// print rules reach another's.
import { useEffect } from 'react';

/** The screens that print, in the order they were shown; `mark` is told the last one (undefined: none). */
export function createPrintScopes(mark: (name: string | undefined) => void) {
  const shown: string[] = [];
  return {
    /** `name` is shown; the function returned says it is gone (another of the same name may still be shown). */
    show(name: string): () => void {
      shown.push(name);
      mark(name);
      let gone = false;
      return () => {
        if (gone) return;
        gone = true;
        shown.splice(shown.lastIndexOf(name), 1);
        mark(shown.at(-1));
      };
    },
  };
}

let scopes: ReturnType<typeof createPrintScopes> | null = null;

/** While the calling component is shown (and `active`), printing the page prints `name`'s screen (its CSS under body[data-print='name']). */
export function usePrintScope(name: string, active = true): void {
  useEffect(() => {
    if (!active) return;
    scopes ??= createPrintScopes((last) => {
      if (last === undefined) delete document.body.dataset.print;
      else document.body.dataset.print = last;
    });
    return scopes.show(name);
  }, [name, active]);
}
