import type { coreDa } from './da';

/** English strings. The type makes a missing or extra key a compile error. */
export const coreEn: { readonly [K in keyof typeof coreDa]: string } = {
  'app.name': 'SSP Desk',
  'app.loading': 'Loading …',
  'app.skipToContent': 'Skip to content',
  'app.titleSuffix': 'SSP Desk',
  'app.startupFailed': 'SSP Desk could not start',
  'app.retry': 'Try again',

  'header.lock': 'Lock',
  'header.lockHint': 'Lock the vault when you leave the computer.',
  'header.ownerLabel': 'Signed in as',
  'header.screenMode': 'Screen mode',
  'header.screenModeOnShort': 'Screen mode: on',
  'header.screenModeHint': 'Turn on while the screen is shared: names, CPR numbers, contacts and schools are not shown.',
  'header.screenModeOn': 'Screen mode is on: cases show initials and case number, without CPR number, contacts and school.',
  'header.screenModeOff': 'Turn screen mode off',
  'header.screenModeBlocked': 'This page shows personal data and is hidden while screen mode is on.',
  'header.screenModeBlockedHint': 'Turn screen mode off when the screen is no longer shared to see the page.',
  'header.lockFailed': 'The vault could not be locked. Quit SSP Desk completely to be sure the vault is locked.',

  'nav.label': 'Main menu',
  'nav.overview': 'Overview',
  'nav.cases': 'Cases',
  'nav.sspPlus': 'SSP+',
  'nav.releases': 'Releases',
  'nav.leaderMeetings': 'Leader group meetings',
  'nav.semiannualReport': 'Semi-annual report',
  'nav.handover': 'Handover',
  'nav.settings': 'Settings',

  'form.errorPrefix': 'Error:',
  'form.errorSummaryHeading': 'Fix these errors before you continue',
  'form.required': 'Required',
  'form.tooLong': 'At most {max} characters.',
  'form.date.format': 'dd.mm.yyyy',
  'form.date.invalid': 'Write a valid date as dd.mm.yyyy, e.g. 31.12.2009.',
  'form.date.badFormat': 'Write the date as dd.mm.yyyy, e.g. 31.12.2009 (31-12-2009 or 31122009 work too).',
  'form.date.noSuchDate': 'That date does not exist. Check the day and month, and write dd.mm.yyyy.',
  'form.date.yearRange': 'Check the year: write it with four digits between {min} and {max}.',
  'form.date.afterMax': 'The date cannot be after {date}. Write an earlier date.',
  'form.date.beforeMin': 'The date cannot be before {date}. Write a later date.',
  'form.show': 'Show',
  'alert.info': 'Information',
  'alert.success': 'Done',
  'alert.warning': 'Warning',
  'alert.error': 'Error',
  'form.number.required': 'Enter a number.',
  'form.number.whole': 'Enter a whole number from {min} to {max}, without commas or letters.',
  'form.number.range': 'The number must be from {min} to {max}.',
  'form.settings.save': 'Save',
  'form.dialog.saveFailed': 'Nothing was saved',
  'form.dialog.saving': 'Saving …',
  'form.dialog.cancel': 'Cancel',
  'form.settings.saving': 'Saving …',
  'form.settings.saved': 'The rules are saved.',
  'form.settings.failed': 'The rules were not saved',
  'form.working': 'Working …',






  'areas.cases.title': 'Cases',
  'areas.cases.empty': 'Your individual cases at levels 1–4 will be here, with level changes, events, efforts and journal notes.',
  'areas.sspPlus.title': 'SSP+',
  'areas.sspPlus.empty': 'The holistic plans for young people aged 17½ to 25 in SSP+ will be here, with goals, actions and follow-up.',
  'areas.releases.title': 'Releases',
  'areas.releases.empty': 'Release coordination will be here: timeline, release meeting, checklist and follow-up after 3, 6 and 12 months.',
  'areas.leaderMeetings.title': 'Leader group meetings',
  'areas.leaderMeetings.empty': 'Preparation of SSP leader group meetings will be here, with agenda, the case list for the screen and decisions.',
  'areas.semiannualReport.title': 'Semi-annual report',
  'areas.semiannualReport.empty': 'Your contribution to the semi-annual report “Urolige områder i København” will be here, with figures, observations and assessments for your area.',
  'areas.settings.title': 'Settings',
  'areas.settings.lead': 'Change the vault passphrase and choose the language here.',


  'errors.bridgeUnreachable': 'SSP Desk cannot reach the vault. Quit the program and open it again.',
  'errors.unexpected': 'An unexpected error occurred. Nothing from this action was saved. Try again.',















};
