import type { PlanDetail } from '../../shared/ssp-plus';
import { compare, addDays } from '../../shared/core/dates';
import { ALERT_DAYS, REVIEW_DUE_SOON_DAYS } from '../../shared/ssp-plus';
import { proseDate, t, tableDate, tCount } from '../core/i18n';
import { Alert } from '../core/ui/Alert';
import { Badge } from './fields';
import { fullName } from './labels';

/** "Overskredet med 3 dage" / "I dag" / "Om 5 dage" for a review due date. */
export function ReviewDueBadge({ due, quietWhenFar = false }: { due: { daysLeft: number; overdue: boolean }; quietWhenFar?: boolean }) {
  if (due.overdue) return <Badge variant="error">{tCount('sspPlus.overdueDays.one', 'sspPlus.overdueDays.other', -due.daysLeft, { days: -due.daysLeft })}</Badge>;
  if (due.daysLeft === 0) return <Badge variant="warning">{t('sspPlus.dueToday')}</Badge>;
  if (due.daysLeft <= REVIEW_DUE_SOON_DAYS) return <Badge variant="warning">{tCount('sspPlus.dueInDays.one', 'sspPlus.dueInDays.other', due.daysLeft, { days: due.daysLeft })}</Badge>;
  return quietWhenFar ? null : <Badge variant="info">{tCount('sspPlus.dueInDays.one', 'sspPlus.dueInDays.other', due.daysLeft, { days: due.daysLeft })}</Badge>;
}

/** What needs attention on one plan: overdue review, overdue actions, the 25th birthday, due follow-ups. */
export function PlanFlags({ plan }: { plan: PlanDetail }) {
  const flags: { key: string; variant: 'error' | 'warning' | 'info'; text: string }[] = [];
  const r = plan.nextReview;
  if (r?.overdue) {
    flags.push({ key: 'review', variant: 'error', text: tCount('sspPlus.flag.reviewOverdue.one', 'sspPlus.flag.reviewOverdue.other', -r.daysLeft, { date: proseDate(r.dueOn), days: -r.daysLeft }) });
  } else if (r && r.daysLeft <= REVIEW_DUE_SOON_DAYS) {
    flags.push({ key: 'review', variant: 'info', text: t('sspPlus.flag.reviewSoon', { date: proseDate(r.dueOn) }) });
  }
  if (plan.overdueActions) {
    flags.push({ key: 'actions', variant: 'error', text: tCount('sspPlus.flag.actionsOverdue.one', 'sspPlus.flag.actionsOverdue.other', plan.overdueActions, { count: plan.overdueActions }) });
  }
  if (plan.status === 'active' && compare(plan.person.turns25On, addDays(plan.today, ALERT_DAYS)) <= 0) {
    const past = compare(plan.person.turns25On, plan.today) <= 0;
    flags.push({
      key: '25',
      variant: 'warning',
      text: t(past ? 'sspPlus.flag.turned25' : 'sspPlus.flag.turns25', { name: fullName(plan.person), date: proseDate(plan.person.turns25On) }),
    });
  }
  const dueFollowUps = plan.followUps.filter((f) => f.due);
  for (const f of dueFollowUps) {
    flags.push({ key: `f${f.id}`, variant: 'info', text: t('sspPlus.flag.followUpDue', { months: f.months, date: tableDate(f.dueOn) }) });
  }
  if (!flags.length) return null;
  return (
    <div className="sspplus-flags" data-testid="plan-flags">
      {flags.map((f) => (
        <Alert key={f.key} variant={f.variant}>
          <p>{f.text}</p>
        </Alert>
      ))}
    </div>
  );
}
