// A text field with suggestions as you type: arrows move, Enter or a click picks, Esc or Tab closes the list.
import { useId, useLayoutEffect, useRef, useState, type CSSProperties, type InputHTMLAttributes, type ReactNode } from 'react';

export interface SuggestOption {
  key: string;
  label: ReactNode;
  detail?: ReactNode;
}

/**
 * A component that loads the options for a query (it calls the live-query hook) and hands them to
 * `render`. It is mounted only while the list is open, so a closed field queries nothing.
 */
export type SuggestSource<T extends SuggestOption> = (props: { query: string; render: (options: T[]) => ReactNode }) => ReactNode;

interface Props<T extends SuggestOption> extends Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'role'> {
  value: string;
  onValueChange: (value: string) => void;
  source: SuggestSource<T>;
  onPick: (option: T) => void;
  inputRef?: (el: HTMLInputElement | null) => void;
}

export function SuggestInput<T extends SuggestOption>({ value, onValueChange, source: Source, onPick, inputRef, onKeyDown, onBlur, ...rest }: Props<T>) {
  const listId = useId();
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const shown = useRef<T[]>([]);
  const [hasOptions, setHasOptions] = useState(false);
  const input = useRef<HTMLInputElement | null>(null);
  const place = useListPlacement(input, open);

  const pick = (option: T) => {
    setOpen(false);
    onPick(option);
  };

  return (
    <div className="combobox">
      <input
        {...rest}
        ref={(el) => {
          input.current = el;
          inputRef?.(el);
        }}
        type="text"
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={open && hasOptions}
        aria-controls={open && hasOptions ? listId : undefined}
        aria-activedescendant={open && hasOptions ? `${listId}-${active}` : undefined}
        value={value}
        onChange={(e) => {
          onValueChange(e.target.value);
          setActive(0);
          setOpen(true);
        }}
        onBlur={(e) => {
          setOpen(false);
          onBlur?.(e);
        }}
        onKeyDown={(e) => {
          const options = shown.current;
          if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            e.preventDefault();
            if (!open) {
              setOpen(true);
              setActive(0);
              return;
            }
            const n = options.length;
            if (n > 0) setActive((i) => (e.key === 'ArrowDown' ? (i + 1) % n : (i - 1 + n) % n));
            return;
          }
          // While an IME composes (pinyin), Enter confirms the characters; it must not pick or save.
          if (e.key === 'Enter' && !e.nativeEvent.isComposing && open && options[active]) {
            e.preventDefault();
            pick(options[active]);
            return;
          }
          onKeyDown?.(e);
        }}
      />
      {open && (
        <Source
          query={value}
          render={(options) => (
            <OptionList
              options={options}
              listId={listId}
              style={place}
              active={Math.min(active, Math.max(0, options.length - 1))}
              onShown={(o) => {
                shown.current = o;
                setHasOptions(o.length > 0);
              }}
              onHover={setActive}
              onPick={pick}
            />
          )}
        />
      )}
    </div>
  );
}

interface ListProps<T extends SuggestOption> {
  options: T[];
  listId: string;
  style: CSSProperties | undefined;
  active: number;
  onShown: (options: T[]) => void;
  onHover: (index: number) => void;
  onPick: (option: T) => void;
}

function OptionList<T extends SuggestOption>({ options, listId, style, active, onShown, onHover, onPick }: ListProps<T>) {
  useLayoutEffect(() => {
    onShown(options);
    return () => onShown([]);
    // onShown is recreated by every parent render; the options are what matter.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [options]);
  if (options.length === 0) return null;
  return (
    <ul className="combobox-list suggest-list" role="listbox" id={listId} style={style}>
      {options.map((o, i) => (
        <li
          key={o.key}
          id={`${listId}-${i}`}
          role="option"
          aria-selected={i === active}
          className={i === active ? 'active' : undefined}
          onMouseEnter={() => onHover(i)}
          onMouseDown={(e) => {
            // Keep the focus in the field, so the blur does not close the list before the pick.
            e.preventDefault();
            onPick(o);
          }}
        >
          <span className="suggest-label">{o.label}</span>
          {o.detail !== undefined && <span className="suggest-detail muted">{o.detail}</span>}
        </li>
      ))}
    </ul>
  );
}

/**
 * Where the open list goes: fixed to the viewport under the field (above it when there is no room
 * below), so a scrolling dialog body neither clips it nor grows a scroll bar for it.
 */
function useListPlacement(input: { current: HTMLInputElement | null }, open: boolean): CSSProperties | undefined {
  const [style, setStyle] = useState<CSSProperties | undefined>(undefined);
  useLayoutEffect(() => {
    if (!open) return;
    const update = () => {
      const el = input.current;
      if (!el) return;
      const r = el.getBoundingClientRect();
      const width = Math.max(r.width, 300);
      const left = Math.max(8, Math.min(r.left, window.innerWidth - width - 8));
      const below = window.innerHeight - r.bottom - 12;
      const above = r.top - 12;
      setStyle(
        below < 180 && above > below
          ? { position: 'fixed', left, width, bottom: window.innerHeight - r.top + 2, top: 'auto', maxHeight: Math.min(300, above) }
          : { position: 'fixed', left, width, top: r.bottom + 2, maxHeight: Math.min(300, below) },
      );
    };
    update();
    window.addEventListener('resize', update);
    window.addEventListener('scroll', update, true);
    return () => {
      window.removeEventListener('resize', update);
      window.removeEventListener('scroll', update, true);
    };
  }, [input, open]);
  return open ? style : undefined;
}
