// Free tags as chips, with suggestions from the tags already in use.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  value: string[];
  onChange: (tags: string[]) => void;
  suggestions: string[];
  inputId?: string;
}

export function TagInput({ value, onChange, suggestions, inputId }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const listId = useId();

  const add = (raw: string) => {
    const tag = raw.trim();
    if (tag && !value.some((v) => v.toLowerCase() === tag.toLowerCase())) onChange([...value, tag]);
    setText('');
  };

  return (
    <div className="tag-input">
      {value.map((tag) => (
        <span className="tag tag-removable" key={tag}>
          {tag}
          <button type="button" onClick={() => onChange(value.filter((v) => v !== tag))} aria-label={t('tags.remove', { tag })}>
            ×
          </button>
        </span>
      ))}
      <input
        id={inputId}
        value={text}
        list={listId}
        placeholder={t('tags.placeholder')}
        onChange={(e) => {
          const next = e.target.value;
          // A suggestion picked from the list arrives as a whole value: take it at once.
          if (suggestions.includes(next)) add(next);
          else setText(next);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' || e.key === ',' || e.key === '，') {
            e.preventDefault();
            add(text);
          } else if (e.key === 'Backspace' && !text && value.length) {
            onChange(value.slice(0, -1));
          }
        }}
        onBlur={() => text && add(text)}
        data-testid="tag-input"
      />
      <datalist id={listId}>
        {suggestions
          .filter((s) => !value.includes(s))
          .map((s) => (
            <option key={s} value={s} />
          ))}
      </datalist>
    </div>
  );
}
