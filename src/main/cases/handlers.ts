import { defineHandlers } from '../core/handlers';
import { serviceCtx } from '../core/service-context';
import { listDistricts, listEfforts, saveDistrict, saveEffort } from './reference';
import { checkCpr, createPerson, revealCpr, updatePerson } from './people';
import { addEvent, addNote, changeLevel, closeCase, openCase, reopenCase, updateCase } from './writes';
import { getCaseDetail, listCases, listCoordinators } from './queries';
import { importCasesFile } from './import';

/** People, cases, events, notes and their reference data (the case register). */
export const registerHandlers = defineHandlers({
  'districts.list': (_i, ctx) => listDistricts(ctx.vault.current.db),
  'districts.save': (input, ctx) => saveDistrict(serviceCtx(ctx), input),
  'efforts.list': (_i, ctx) => listEfforts(ctx.vault.current.db),
  'efforts.save': (input, ctx) => saveEffort(serviceCtx(ctx), input),

  'people.create': (input, ctx) => createPerson(serviceCtx(ctx), input),
  'people.update': (input, ctx) => updatePerson(serviceCtx(ctx), input.personId, input.person),
  'people.revealCpr': (input, ctx) => revealCpr(serviceCtx(ctx), input.personId),
  'people.checkCpr': (input, ctx) => checkCpr(ctx.vault.current.db, input.cpr, input.personId),

  'cases.list': (input, ctx) => {
    const s = serviceCtx(ctx);
    return listCases(s.sqlite, s.today, input);
  },
  'cases.coordinators': (_i, ctx) => listCoordinators(ctx.vault.current.sqlite),
  'cases.get': (input, ctx) => getCaseDetail(serviceCtx(ctx), input.caseId),
  'cases.open': (input, ctx) => {
    const s = serviceCtx(ctx);
    const id = openCase(s, input);
    return getCaseDetail(s, id, { recordView: false });
  },
  'cases.update': (input, ctx) => {
    const s = serviceCtx(ctx);
    updateCase(s, input);
    return getCaseDetail(s, input.caseId, { recordView: false });
  },
  'cases.changeLevel': (input, ctx) => {
    const s = serviceCtx(ctx);
    changeLevel(s, input);
    return getCaseDetail(s, input.caseId, { recordView: false });
  },
  'cases.close': (input, ctx) => {
    const s = serviceCtx(ctx);
    closeCase(s, input);
    return getCaseDetail(s, input.caseId, { recordView: false });
  },
  'cases.reopen': (input, ctx) => {
    const s = serviceCtx(ctx);
    reopenCase(s, input);
    return getCaseDetail(s, input.caseId, { recordView: false });
  },
  'cases.addEvent': (input, ctx) => {
    const s = serviceCtx(ctx);
    addEvent(s, input);
    return getCaseDetail(s, input.caseId, { recordView: false });
  },
  'cases.addNote': (input, ctx) => {
    const s = serviceCtx(ctx);
    addNote(s, input);
    return getCaseDetail(s, input.caseId, { recordView: false });
  },
  'cases.import': (input, ctx) =>
    importCasesFile(serviceCtx(ctx), { format: input.format, content: Buffer.from(input.contentBase64, 'base64') }),
});
