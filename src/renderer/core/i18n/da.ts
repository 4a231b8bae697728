/**
 * Danish strings: the product language and the source of truth for keys. en.ts must have exactly
 * the same keys (its type says so). Placeholders are written {name} and typed by t().
 * Only core text lives here (app, nav, shell, shared ui, errors); each area keeps its own strings
 * in its folder, joined in src/renderer/strings.ts.
 */

export const coreDa = {
  'app.name': 'SSP Desk',
  'app.loading': 'Indlæser …',
  'app.skipToContent': 'Gå til indhold',
  'app.titleSuffix': 'SSP Desk',
  'app.startupFailed': 'SSP Desk kunne ikke starte',
  'app.retry': 'Prøv igen',

  'header.lock': 'Lås',
  'header.lockHint': 'Lås boksen, når du går fra computeren.',
  'header.ownerLabel': 'Logget ind som',
  'header.screenMode': 'Skærmtilstand',
  'header.screenModeOnShort': 'Skærmtilstand: til',
  'header.screenModeHint': 'Slå til, mens skærmen deles: navne, CPR-numre, kontakter og skoler vises ikke.',
  'header.screenModeOn': 'Skærmtilstand er slået til: sager vises med initialer og sagsnummer, uden CPR-nummer, kontakter og skole.',
  'header.screenModeOff': 'Slå skærmtilstand fra',
  'header.screenModeBlocked': 'Denne side viser personoplysninger og er skjult, mens skærmtilstand er slået til.',
  'header.screenModeBlockedHint': 'Slå skærmtilstand fra, når skærmen ikke længere deles, for at se siden.',
  'header.lockFailed': 'Boksen kunne ikke låses. Luk SSP Desk helt for at være sikker på, at boksen er låst.',

  'nav.label': 'Hovedmenu',
  'nav.overview': 'Overblik',
  'nav.cases': 'Sager',
  'nav.sspPlus': 'SSP+',
  'nav.releases': 'Løsladelser',
  'nav.leaderMeetings': 'Ledergruppemøder',
  'nav.semiannualReport': 'Halvårsrapport',
  'nav.handover': 'Overdragelse',
  'nav.settings': 'Indstillinger',

  'form.errorPrefix': 'Fejl:',
  'form.errorSummaryHeading': 'Ret disse fejl, før du fortsætter',
  'form.required': 'Skal udfyldes',
  'form.tooLong': 'Højst {max} tegn.',
  'form.show': 'Vis',
  'alert.info': 'Information',
  'alert.success': 'Udført',
  'alert.warning': 'Advarsel',
  'alert.error': 'Fejl',
  'form.number.required': 'Skriv et tal.',
  'form.number.whole': 'Skriv et helt tal fra {min} til {max}, uden komma eller bogstaver.',
  'form.number.range': 'Tallet skal være fra {min} til {max}.',
  'form.settings.save': 'Gem',
  'form.dialog.saveFailed': 'Intet blev gemt',
  'form.dialog.saving': 'Gemmer …',
  'form.dialog.cancel': 'Annullér',
  'form.settings.saving': 'Gemmer …',
  'form.settings.saved': 'Reglerne er gemt.',
  'form.settings.failed': 'Reglerne blev ikke gemt',
  'form.working': 'Arbejder …',
  'form.date.format': 'dd.mm.åååå',
  'form.date.invalid': 'Skriv en gyldig dato som dd.mm.åååå, fx 31.12.2009.',
  'form.date.badFormat': 'Skriv datoen som dd.mm.åååå, fx 31.12.2009 (også 31-12-2009 eller 31122009).',
  'form.date.noSuchDate': 'Den dato findes ikke i kalenderen. Tjek dag og måned, og skriv dd.mm.åååå.',
  'form.date.yearRange': 'Tjek året: skriv det med fire cifre mellem {min} og {max}.',
  'form.date.afterMax': 'Datoen kan ikke ligge efter {date}. Skriv en tidligere dato.',
  'form.date.beforeMin': 'Datoen kan ikke ligge før {date}. Skriv en senere dato.',






  'areas.cases.title': 'Sager',
  'areas.cases.empty': 'Her kommer dine enkeltsager på niveau 1–4 med niveauændringer, hændelser, indsatser og journalnotater.',
  'areas.sspPlus.title': 'SSP+',
  'areas.sspPlus.empty': 'Her kommer de helhedsorienterede planer for unge mellem 17½ og 25 år i SSP+, med mål, handlinger og opfølgning.',
  'areas.releases.title': 'Løsladelser',
  'areas.releases.empty': 'Her kommer koordineringen af løsladelser: tidslinje, løsladelsesmøde, tjekliste og opfølgning efter 3, 6 og 12 måneder.',
  'areas.leaderMeetings.title': 'Ledergruppemøder',
  'areas.leaderMeetings.empty': 'Her kommer forberedelsen af møder i SSP-ledergruppen med dagsorden, sagsliste til skærmen og beslutninger.',
  'areas.semiannualReport.title': 'Halvårsrapport',
  'areas.semiannualReport.empty': 'Her kommer dit bidrag til halvårsrapporten »Urolige områder i København« med tal, observationer og vurderinger for dit område.',
  'areas.settings.title': 'Indstillinger',
  'areas.settings.lead': 'Her skifter du adgangskoden til boksen og vælger sprog.',


  'errors.bridgeUnreachable': 'SSP Desk kan ikke få kontakt til boksen. Luk programmet, og åbn det igen.',
  'errors.unexpected': 'Der skete en uventet fejl. Intet er gemt fra denne handling. Prøv igen.',















} as const satisfies Record<string, string>;
