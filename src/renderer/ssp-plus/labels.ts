import {
  ACTION_STATUSES,
  AREA_REVIEW_STATUSES,
  LIFE_AREAS,
  OUTCOMES,
  PLAN_END_REASONS,
  REVIEW_KINDS,
  REVIEW_TRIGGERS,
  actionStatusLabel,
  areaReviewStatusLabel,
  lifeAreaLabel,
  outcomeLabel,
  planEndReasonLabel,
  reviewKindLabel,
  reviewTriggerLabel,
  type ActionStatus,
  type AreaReviewStatus,
  type LifeArea,
  type Outcome,
  type PlanEndReason,
  type ReviewKind,
  type ReviewTrigger,
} from '../../shared/ssp-plus';
import { t } from '../core/i18n';

/** Domain vocabulary on screen: the shared domain's Danish labels (the words users expect). */
const options = <C extends string>(list: readonly { code: C; label: string }[]) => list.map((x) => ({ value: x.code, label: x.label }));
export const areaOptions = options<LifeArea>(LIFE_AREAS);
export const endReasonOptions = options<PlanEndReason>(PLAN_END_REASONS);
export const outcomeOptions = options<Outcome>(OUTCOMES);
export const actionStatusOptions = options<ActionStatus>(ACTION_STATUSES);
export const reviewKindOptions = options<ReviewKind>(REVIEW_KINDS);
export const triggerOptions = options<ReviewTrigger>(REVIEW_TRIGGERS);
export const areaStatusOptions = options<AreaReviewStatus>(AREA_REVIEW_STATUSES);

export const areaName = (code: string) => lifeAreaLabel(code as LifeArea);
export const endReasonName = (code: string) => planEndReasonLabel(code as PlanEndReason);
export const outcomeName = (code: string) => outcomeLabel(code as Outcome);
export const actionStatusName = (code: string) => actionStatusLabel(code as ActionStatus);
export const reviewKindName = (code: string) => reviewKindLabel(code as ReviewKind);
export const triggerName = (code: string) => reviewTriggerLabel(code as ReviewTrigger);
export const areaStatusName = (code: string) => areaReviewStatusLabel(code as AreaReviewStatus);

export const fullName = (p: { firstName: string; lastName: string }) => `${p.firstName} ${p.lastName}`;

/** Review interval choices in months. */
export const intervalOptions = () =>
  [1, 2, 3, 4, 6].map((m) => ({ value: String(m), label: m === 1 ? t('sspPlus.interval.one') : t('sspPlus.interval.other', { months: m }) }));

