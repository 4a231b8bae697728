/** Strings of youth groups on the meeting agenda, the shared screen and the minutes (issue 19 item 7). */
export const meetingGroupsDa = {
  'meetings.group.label': 'Ungegruppering',
  'meetings.group.meta.one': 'Ungegruppering · 1 åben sag',
  'meetings.group.meta.other': 'Ungegruppering · {count} åbne sager',
  'meetings.group.addLabel': 'Ungegruppering',
  'meetings.group.add': 'Tilføj ungegruppering',
  'meetings.group.none': 'Der er ingen aktive ungegrupperinger. Opret dem på sagerne.',
  'meetings.group.choose': 'Vælg gruppering',
  'meetings.group.onAgenda': '(på dagsordenen)',
  'meetings.group.noCases': 'Ingen åbne sager i grupperingen.',
  'meetings.group.casesHeading': 'Sager i grupperingen',
  'meetings.group.caseLine': '{label} · niveau {level} · {age} · {district}',
  'meetings.group.years': '{age} år',
} as const;

export const meetingGroupsEn: { readonly [K in keyof typeof meetingGroupsDa]: string } = {
  'meetings.group.label': 'Youth group',
  'meetings.group.meta.one': 'Youth group · 1 open case',
  'meetings.group.meta.other': 'Youth group · {count} open cases',
  'meetings.group.addLabel': 'Youth group',
  'meetings.group.add': 'Add youth group',
  'meetings.group.none': 'There are no active youth groups. Create them on the cases.',
  'meetings.group.choose': 'Choose group',
  'meetings.group.onAgenda': '(on the agenda)',
  'meetings.group.noCases': 'No open cases in the group.',
  'meetings.group.casesHeading': 'Cases in the group',
  'meetings.group.caseLine': '{label} · level {level} · {age} · {district}',
  'meetings.group.years': '{age} years',
};
