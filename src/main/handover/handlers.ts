import { defineHandlers } from '../core/handlers';
import { addColleague, inspectColleagueCode, listColleagues, removeColleague } from './colleagues';
import { openHandoverReceipt, previewHandover, receiveHandover, sendHandover } from './flow';
import { identityView } from './identity';
import { handoverLogEntries } from './log';

/** Handovers: identity, colleagues, bundles and receipts. */
export const handoverHandlers = defineHandlers({
  'handover.identity': (_i, s) => identityView(s),
  'handover.colleagues': (_i, s) => listColleagues(s),
  'handover.inspectColleague': (input) => inspectColleagueCode(input.code),
  'handover.addColleague': (input, s) => addColleague(s, input),
  'handover.removeColleague': (input, s) => removeColleague(s, input),
  'handover.send': (input, s) => sendHandover(s, input),
  'handover.preview': (input, s) => previewHandover(s, input),
  'handover.receive': (input, s) => receiveHandover(s, input),
  'handover.openReceipt': (input, s) => openHandoverReceipt(s, input),
  'handover.log': (input, s) => handoverLogEntries(s, input),
});
