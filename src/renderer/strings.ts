import { coreDa } from './core/i18n/da';
import { coreEn } from './core/i18n/en';
import { joinCatalogues } from './core/i18n/join';
import { vaultDa, vaultEn } from './vault';
import { casesDa, casesEn, exitGroupsDa, exitGroupsEn } from './cases';
import { settingsDa, settingsEn } from './settings';
import { sspPlusDa, sspPlusEn } from './ssp-plus';
import { releasesDa, releasesEn } from './releases';
import { leaderMeetingsDa, leaderMeetingsEn, meetingGroupsDa, meetingGroupsEn } from './leader-meetings';
import { reportContentDa, reportContentEn, reportExitDa, reportExitEn, semiannualReportDa, semiannualReportEn } from './semiannual-report';
import { overviewDa, overviewEn } from './overview';
import { handoverDa, handoverEn } from './handover';

/**
 * The one list that joins the string catalogues: core's and each area's, Danish first (the
 * source of keys and placeholder types), English with exactly the same keys. A key defined twice
 * throws at start.
 */
export const da = joinCatalogues('src/renderer/strings.ts (da)', coreDa, vaultDa, casesDa, exitGroupsDa, settingsDa, sspPlusDa, releasesDa, leaderMeetingsDa, meetingGroupsDa, semiannualReportDa, reportExitDa, reportContentDa, overviewDa, handoverDa);
export const en: { readonly [K in keyof typeof da]: string } = joinCatalogues(
  'src/renderer/strings.ts (en)',
  coreEn,
  vaultEn,
  casesEn,
  exitGroupsEn,
  settingsEn,
  sspPlusEn,
  releasesEn,
  leaderMeetingsEn,
  meetingGroupsEn,
  semiannualReportEn,
  reportExitEn,
  reportContentEn,
  overviewEn,
  handoverEn,
);
