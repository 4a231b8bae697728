/**
 * The audit trail in words: Danish (and English) names for its action and entity codes, and its
 * detail field ("key:value;key:value" or a list of setting names) as text, so neither the audit
 * screen nor the CSV export shows a raw code such as `report-assessment` or `backupReminderDays`.
 * Unknown codes are shown as they are (a new code must never hide an entry).
 */
export type AuditLang = 'da' | 'en';
type Labels = Readonly<Record<string, readonly [da: string, en: string]>>;

export const AUDIT_ACTIONS: Labels = {
  create: ['Oprettet', 'Created'], update: ['Ændret', 'Changed'], delete: ['Slettet', 'Deleted'], view: ['Set', 'Viewed'],
  reveal: ['CPR vist', 'CPR shown'], close: ['Lukket', 'Closed'], reopen: ['Genåbnet', 'Reopened'], release: ['Løsladt', 'Released'],
  import: ['Importeret', 'Imported'], export: ['Eksporteret', 'Exported'], backup: ['Sikkerhedskopi taget', 'Backup made'],
  restore: ['Sikkerhedskopi gendannet', 'Backup restored'], lock: ['Låst', 'Locked'], unlock: ['Låst op', 'Unlocked'],
  deny: ['Afvist', 'Refused'], link: ['Knyttet', 'Linked'],
  // Handover between vaults (issue 21).
  send: ['Overdraget (sendt)', 'Handed over (sent)'], receive: ['Overdragelse modtaget', 'Handover received'],
  accept: ['Overdragelse kvitteret', 'Handover accepted'], refuse: ['Overdragelse afvist', 'Handover refused'],
  remove: ['Personoplysninger fjernet efter overdragelse', 'Personal data removed after handover'], receipt: ['Kvittering åbnet', 'Receipt opened'],
};

export const AUDIT_ENTITIES: Labels = {
  vault: ['Boksen', 'Vault'], case: ['Sag', 'Case'], case_note: ['Journalnotat', 'Case note'], case_event: ['Hændelse', 'Event'],
  person: ['Person', 'Person'], district: ['Bydel', 'District'], effort: ['Indsats', 'Effort'], settings: ['Indstillinger', 'Settings'],
  setting: ['Indstillinger', 'Settings'], retention: ['Sletning af gamle sager', 'Deletion of old cases'], audit_log: ['Revisionsspor', 'Audit trail'],
  meeting: ['Ledergruppemøde', 'Leader group meeting'], meeting_decision: ['Mødebeslutning', 'Meeting decision'], forum: ['Forum', 'Forum'],
  custody: ['Frihedsberøvelse', 'Custody'], 'custody-institution': ['Institution for frihedsberøvelse', 'Custody institution'],
  'release-meeting': ['Løsladelsesmøde', 'Release meeting'], 'release-followup': ['Opfølgning efter løsladelse', 'Follow-up after release'],
  'release-settings': ['Indstillinger for løsladelser', 'Release settings'], sspplus_plan: ['SSP+-plan', 'SSP+ plan'],
  sspplus_review: ['SSP+-statusmøde', 'SSP+ review'], sspplus_partner: ['SSP+-samarbejdspartner', 'SSP+ partner'],
  sspplus_follow_up: ['SSP+-opfølgning', 'SSP+ follow-up'], report: ['Halvårsrapport', 'Half-year report'],
  'report-assessment': ['Vurdering i halvårsrapporten', 'Report assessment'],
  handover: ['Overdragelse', 'Handover'], handover_colleague: ['Kollega (overdragelse)', 'Colleague (handover)'], handover_identity: ['Boksens nøgler til overdragelse', 'Handover keys of the vault'],
  'district-unrest': ['Tryghed og uro (log pr. bydel)', 'Safety and unrest (log per district)'],
};

/** Keys in the detail field, and the settings whose names a settings change lists. */
export const AUDIT_DETAIL_KEYS: Labels = {
  rows: ['rækker', 'rows'], linked: ['knyttet til eksisterende person', 'linked to existing person'], skipped: ['sprunget over', 'skipped'],
  rejected: ['afvist', 'rejected'], level: ['niveau', 'level'], reason: ['årsag', 'reason'], case: ['sag', 'case'], kind: ['art', 'kind'],
  corrects: ['retter notat', 'corrects note'], custody: ['frihedsberøvelse', 'custody'], person: ['person', 'person'], type: ['type', 'type'],
  fields: ['felter', 'fields'], milestone: ['milepæl', 'milestone'], months: ['måneder', 'months'], outcome: ['udfald', 'outcome'],
  period: ['periode', 'period'], district: ['bydel', 'district'], mode: ['tilstand', 'mode'], format: ['format', 'format'],
  cases: ['sager', 'cases'], people: ['personer', 'people'], meeting: ['møde', 'meeting'], forum: ['forum', 'forum'], proposed: ['foreslået', 'proposed'],
  agenda: ['dagsordenspunkter', 'agenda items'], names: ['med navne', 'with names'], plan: ['plan', 'plan'], area: ['område', 'area'],
  areas: ['områder', 'areas'], goals: ['mål', 'goals'], arranged: ['aftalt', 'arranged'], 'actions-added': ['handlinger tilføjet', 'actions added'],
  'actions-updated': ['handlinger ændret', 'actions updated'],
  bundle: ['overdragelse', 'bundle'], to: ['modtagerens fingeraftryk', 'recipient fingerprint'], from: ['afsenderens fingeraftryk', 'sender fingerprint'],
  via: ['via', 'via'], kept: ['gemt til læsning', 'kept read-only'],
  idleLockMinutes: ['Automatisk lås (minutter)', 'Automatic lock (minutes)'], backupReminderDays: ['Påmindelse om sikkerhedskopi (dage)', 'Backup reminder (days)'],
  retentionMonths: ['Opbevaring af afsluttede sager (måneder)', 'Retention of closed cases (months)'], reportThreshold: ['Tærskel i halvårsrapporten', 'Report threshold'],
  passphrase: ['adgangssætning', 'passphrase'], recovery: ['gendannelsesnøgle', 'recovery key'], cli: ['kommandolinjen', 'command line'],
  seed: ['standardværdier', 'defaults'], projection: ['projektion', 'projection'], minutes: ['referat', 'minutes'], cpr: ['CPR-nummer', 'CPR number'],
  fingerprint: ['fingeraftryk', 'fingerprint'],
  accepted: ['modtaget', 'accepted'], refused: ['afvist', 'refused'], 'not-responsible': ['hører ikke til området', 'not in the area'], 'wrong-person': ['forkert ung', 'wrong person'],
  'already-have': ['har allerede sagen', 'already has the case'], incomplete: ['ufuldstændig', 'incomplete'],
};

const pick = (labels: Labels, code: string, lang: AuditLang) => (Object.hasOwn(labels, code) ? labels[code]![lang === 'da' ? 0 : 1] : code);
export const auditActionText = (code: string, lang: AuditLang = 'da') => pick(AUDIT_ACTIONS, code, lang);
export const auditEntityText = (code: string, lang: AuditLang = 'da') => pick(AUDIT_ENTITIES, code, lang);

/** The detail field in words: "rows:5 linked:1" -> "rækker: 5, knyttet til eksisterende person: 1"; "backupReminderDays,idleLockMinutes" -> the settings' names. */
export function auditDetailText(detail: string | null, lang: AuditLang = 'da'): string {
  if (!detail) return '';
  const parts = detail.split(/[;\s]+/).filter((p) => p !== '');
  return parts
    .map((part) => {
      const i = part.indexOf(':');
      if (i < 0) return part.split(',').map((k) => pick(AUDIT_DETAIL_KEYS, k, lang)).join(', ');
      const key = part.slice(0, i);
      const value = part.slice(i + 1);
      const shown = value === 'true' ? (lang === 'da' ? 'ja' : 'yes') : value === 'false' ? (lang === 'da' ? 'nej' : 'no') : value.split(',').map((v) => pick(AUDIT_DETAIL_KEYS, v, lang)).join(', ');
      return `${pick(AUDIT_DETAIL_KEYS, key, lang)}: ${shown}`;
    })
    .join('; ');
}
