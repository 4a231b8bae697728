import {
  CHECKLIST_STATUSES,
  INSTITUTION_KINDS,
  MILESTONE_LABELS,
  RELEASE_MEETING_KINDS,
  RELEASE_PARTNERS,
  checklistItemLabel,
  checklistStatusLabel,
  type ChecklistItemCode,
  type ChecklistStatus,
  type InstitutionKind,
  type MilestoneKey,
  type ReleaseMeetingKind,
  type ReleasePartner,
} from '../../shared/releases';
import { OUTCOMES, outcomeLabel, type Outcome } from '../../shared/ssp-plus';
import { t, tableDate } from '../core/i18n';

/** Domain vocabulary on screen: the shared domain's Danish labels (the words users expect). */
const options = <C extends string>(list: readonly { code: C; label: string }[]) => list.map((x) => ({ value: x.code, label: x.label }));
const labelIn = (list: readonly { code: string; label: string }[], code: string) => list.find((x) => x.code === code)?.label ?? code;

export const partnerOptions = options<ReleasePartner>(RELEASE_PARTNERS);
export const meetingKindOptions = options<ReleaseMeetingKind>(RELEASE_MEETING_KINDS);
export const statusOptions = options<ChecklistStatus>(CHECKLIST_STATUSES);
export const institutionKindOptions = options<InstitutionKind>(INSTITUTION_KINDS);
export const outcomeOptions = options<Outcome>(OUTCOMES);

export const partnerName = (code: string) => labelIn(RELEASE_PARTNERS, code);
export const meetingKindName = (code: string) => labelIn(RELEASE_MEETING_KINDS, code);
export const institutionKindName = (code: string) => labelIn(INSTITUTION_KINDS, code);
export const itemName = (code: string) => checklistItemLabel(code as ChecklistItemCode);
export const statusName = (code: string) => checklistStatusLabel(code as ChecklistStatus);
export const outcomeName = (code: string) => outcomeLabel(code as Outcome);
export const milestoneName = (key: string) => MILESTONE_LABELS[key as MilestoneKey] ?? key;
export const custodyTypeName = (type: 'afsoning' | 'varetaegt') => t(type === 'afsoning' ? 'releases.type.afsoning' : 'releases.type.varetaegt');

export const maybeDate = (iso: string | null | undefined) => (iso ? tableDate(iso) : t('releases.none'));
export const fullName = (p: { firstName: string; lastName: string }) => `${p.firstName} ${p.lastName}`;

