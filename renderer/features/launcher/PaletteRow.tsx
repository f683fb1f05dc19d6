import { useTranslation } from 'react-i18next';
import type { PaletteItem } from './palette-items.ts';
import { ToolIcon } from './ToolIcon.tsx';
import { isolated } from '../../ui/UserText.tsx';

export function PaletteRow({
  id,
  item,
  selected,
  onHover,
  onChoose,
}: {
  id: string;
  item: PaletteItem;
  selected: boolean;
  onHover: () => void;
  onChoose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <li
      id={id}
      role="option"
      aria-selected={selected}
      aria-disabled={item.unavailable !== null}
      className={selected ? 'palette-row selected' : 'palette-row'}
      onMouseMove={onHover}
      onClick={onChoose}
    >
      <ToolIcon icon={item.icon} color={item.color} />
      <span className="palette-text">
        <span className="palette-title">
          {item.kind === 'person' ? t('palette.chatWith', { name: isolated(item.title) }) : isolated(item.title)}
        </span>
        <span className="palette-subtitle muted">{item.unavailable ?? item.subtitle}</span>
      </span>
      <span className="palette-kind muted">{t(`palette.kind.${item.kind}`)}</span>
    </li>
  );
}
