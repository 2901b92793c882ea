// Tags as small chips. A chip too long for its place ends in an ellipsis (the whole tag is its tooltip), never
// cut mid-character; in the list, tags past `max` are counted in a "+N" chip that names them.
import { useTranslation } from 'react-i18next';

/** The tags with `first` (when the customer has it) moved to the front, the rest in their order. */
export function tagsWithFirst(tags: readonly string[], first: string | null | undefined): string[] {
  return first != null && tags.includes(first) ? [first, ...tags.filter((tag) => tag !== first)] : [...tags];
}

export function TagList({ tags, max, first }: { tags: string[]; max?: number; first?: string | null }) {
  const { t } = useTranslation();
  if (tags.length === 0) return null;
  const ordered = tagsWithFirst(tags, first);
  const shown = max === undefined ? ordered : ordered.slice(0, max);
  const rest = ordered.slice(shown.length);
  return (
    <span className="tags">
      {shown.map((tag) => (
        <span className="tag" key={tag} title={tag}>
          {tag}
        </span>
      ))}
      {rest.length > 0 && (
        <span className="tag tag-more" title={rest.join(t('tags.separator'))} aria-label={t('tags.more', { count: rest.length, tags: rest.join(t('tags.separator')) })} data-testid="tag-more">
          +{rest.length}
        </span>
      )}
    </span>
  );
}
