// Free tags as chips, with suggestions from the tags already in use.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { splitTags } from '../../../shared/domain/import/customerRecords';

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

  // Pasted "VIP, 老客户" is two tags, split as an import splits them, so no tag holds a separator that
  // its own export would later split into two.
  const add = (raw: string) => {
    const next = [...value];
    for (const tag of splitTags(raw)) if (!next.some((v) => v.toLowerCase() === tag.toLowerCase())) next.push(tag);
    if (next.length > value.length) onChange(next);
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
