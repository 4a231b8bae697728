import { defineHandlers, writeThen } from '../core/handlers';
import { listDistricts, listEfforts, saveDistrict, saveEffort } from './reference';
import { auditCprConflict, checkCpr, createPerson, revealCpr, updatePerson } from './people';
import { addEvent, addNote, changeLevel, closeCase, openCase, reopenCase, updateCase } from './writes';
import { getCaseDetail, listCases, listCoordinators } from './queries';
import { importCasesFile, previewImport, type ImportRequest } from './import';
import { getCaseSettings, saveCaseSettings } from './settings';
import { findAnyone } from './find';
import { deleteExitCourse, listExitCourses, recordExitFollowUp, saveExitCourse } from './exit';
import { addCaseToYouthGroup, listYouthGroups, removeCaseFromYouthGroup, saveYouthGroup, youthGroupsOfCase } from './youth-groups';

/** Write, then answer with the case as it now is (without a second view entry). */
const thenCase = writeThen('caseId', (s, id) => getCaseDetail(s, id, { recordView: false }));

/** People, cases, events, notes and their reference data (the case register). */
export const casesHandlers = defineHandlers({
  'districts.list': (_i, s) => listDistricts(s.db),
  'districts.save': (input, s) => saveDistrict(s, input),
  'efforts.list': (_i, s) => listEfforts(s.db),
  'efforts.save': (input, s) => saveEffort(s, input),

  'people.create': (input, s) => auditCprConflict(s, () => createPerson(s, input)),
  'people.update': (input, s) => auditCprConflict(s, () => updatePerson(s, input.personId, input.person)),
  'people.revealCpr': (input, s) => revealCpr(s, input.personId),
  'people.checkCpr': (input, s) => checkCpr(input.cpr, s.today),

  'cases.find': (input, s) => findAnyone(s, input),
  'cases.list': (input, s) => listCases(s.sqlite, s.today, input),
  'cases.coordinators': (_i, s) => listCoordinators(s.sqlite),
  'cases.settings.get': (_i, s) => getCaseSettings(s.db),
  'cases.settings.save': (input, s) => saveCaseSettings(s, input),
  'cases.get': (input, s) => getCaseDetail(s, input.caseId),
  'cases.open': (input, s) => getCaseDetail(s, auditCprConflict(s, () => openCase(s, input)), { recordView: false }),
  'cases.update': thenCase(updateCase),
  'cases.changeLevel': thenCase(changeLevel),
  'cases.close': thenCase(closeCase),
  'cases.reopen': thenCase(reopenCase),
  'cases.addEvent': thenCase(addEvent),
  'cases.addNote': thenCase(addNote),
  'cases.importPreview': (input, s) => previewImport(s, importRequestOf(input)),
  'cases.import': (input, s) => importCasesFile(s, importRequestOf(input)),

  'cases.exit.list': (input, s) => listExitCourses(s, input.personId),
  'cases.exit.save': (input, s) => saveExitCourse(s, input),
  'cases.exit.delete': (input, s) => deleteExitCourse(s, input),
  'cases.exit.recordFollowUp': (input, s) => recordExitFollowUp(s, input),
  'youthGroups.list': (_i, s) => listYouthGroups(s.db),
  'youthGroups.save': (input, s) => saveYouthGroup(s, input),
  'youthGroups.ofCase': (input, s) => youthGroupsOfCase(s.db, input.caseId),
  'youthGroups.addCase': (input, s) => addCaseToYouthGroup(s, input),
  'youthGroups.removeCase': (input, s) => removeCaseFromYouthGroup(s, input),
});

function importRequestOf(input: { format: 'csv' | 'xlsx'; contentBase64: string } & Omit<ImportRequest, 'format' | 'content'>): ImportRequest {
  const { contentBase64, ...rest } = input;
  return { ...rest, content: Buffer.from(contentBase64, 'base64') };
}
