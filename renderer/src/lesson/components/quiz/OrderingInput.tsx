import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PartMark } from './PartMark';
import { partVerdict, type InputProps } from './input-props';

/**
 * A numbered list with "move up" and "move down" buttons on each item: fully usable with the
 * keyboard, and each move is announced. Focus follows the moved item.
 */
export function OrderingInput({ question, draft, onChange, disabled, result }: InputProps<'ordering'>) {
  const { t } = useTranslation();
  const [announcement, setAnnouncement] = useState('');
  const buttons = useRef(new Map<string, HTMLButtonElement | null>());
  const textOf = (id: string) => question.items.find((item) => item.id === id)?.text ?? id;

  const move = (index: number, by: -1 | 1) => {
    const target = index + by;
    const itemIds = [...draft.itemIds];
    const moved = itemIds[index];
    const displaced = itemIds[target];
    if (moved === undefined || displaced === undefined) return;
    itemIds[index] = displaced;
    itemIds[target] = moved;
    onChange({ type: 'ordering', itemIds });
    setAnnouncement(t('quiz.movedTo', { item: textOf(moved), position: target + 1, total: itemIds.length }));
    // At the top or bottom the same button is disabled, so focus goes to the other one.
    const atEdge = target === 0 || target === itemIds.length - 1;
    const direction = atEdge ? (by === -1 ? 'down' : 'up') : by === -1 ? 'up' : 'down';
    window.requestAnimationFrame(() => buttons.current.get(`${moved}:${direction}`)?.focus());
  };

  return (
    <>
      <ol className="ordering-list">
        {draft.itemIds.map((id, index) => (
          <li key={id} className="ordering-item">
            <span className="ordering-position" aria-hidden="true">
              {index + 1}
            </span>
            <span className="ordering-text">{textOf(id)}</span>
            <PartMark correct={partVerdict(result, id)} />
            <span className="ordering-buttons">
              <button
                type="button"
                className="button button-small"
                ref={(element) => {
                  buttons.current.set(`${id}:up`, element);
                }}
                disabled={disabled || index === 0}
                aria-label={t('quiz.moveUp', { item: textOf(id) })}
                onClick={() => move(index, -1)}
              >
                ↑ {t('quiz.up')}
              </button>
              <button
                type="button"
                className="button button-small"
                ref={(element) => {
                  buttons.current.set(`${id}:down`, element);
                }}
                disabled={disabled || index === draft.itemIds.length - 1}
                aria-label={t('quiz.moveDown', { item: textOf(id) })}
                onClick={() => move(index, 1)}
              >
                ↓ {t('quiz.down')}
              </button>
            </span>
          </li>
        ))}
      </ol>
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
    </>
  );
}
