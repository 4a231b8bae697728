import type { CaseLevel } from '../../shared/cases';
import { t } from '../core/i18n';
import { levelName } from './labels';

/**
 * The level as a dkfds badge with its number in words ("Niveau 3"), so it never rests on colour;
 * `withLabel` adds the level's meaning ("Gentagen alvorlig kriminalitet") after it.
 */
export function LevelBadge({ level, withLabel = false }: { level: CaseLevel; withLabel?: boolean }) {
  return (
    <span className="level-badge-wrap">
      <span className={`badge level-badge level-${level}`} title={withLabel ? undefined : levelName(level)}>
        {t('cases.level.badge', { level })}
      </span>
      {withLabel ? <span className="level-label">{levelName(level)}</span> : null}
    </span>
  );
}
