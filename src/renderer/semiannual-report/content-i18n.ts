/** Strings of the report's content tables of issue 16 item 2: Sikker By, and tryghed and unrest. */
export const reportContentDa = {
  'report.section.sikkerBy': 'Sikker By',
  'report.table.sikkerBy.byDistrict': 'Unge 14-25 år sigtet for personfarlig eller alvorlig kriminalitet',
  'report.col.charged': 'Sigtede unge i bydelen',
  'report.col.firstInCity': 'Heraf talt i byens tal',
  'report.sikkerBy.note':
    'En ung tælles én gang pr. bydel (bydelen på sigtelsesdagen) og én gang i byens tal: i bydelen for den første sigtelse i perioden. Alder på sigtelsesdagen; personfarlig kategori eller sag på niveau 3-4.',
} as const;

export const reportContentEn: { readonly [K in keyof typeof reportContentDa]: string } = {
  'report.section.sikkerBy': 'Sikker By',
  'report.table.sikkerBy.byDistrict': 'Young people aged 14-25 charged with person-endangering or serious crime',
  'report.col.charged': 'Young people charged in the district',
  'report.col.firstInCity': 'Of whom counted in the city figure',
  'report.sikkerBy.note':
    'A young person counts once per district (the district on the charge date) and once in the city figure: in the district of their first charge in the period. Age on the charge date; a person-endangering category or a case at level 3-4.',
};
