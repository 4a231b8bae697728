import { defineHandlers } from '../core/handlers';
import { computeReport, exportReport, mergeInApp, reportOptions, reportTrend, saveReportPdf } from './report';
import { listAssessments, saveAssessment } from './assessments';
import { deleteUnrest, listUnrest, saveUnrest } from './unrest';

/** The semi-annual report: options, the computed report, assessments, export and merge. */
export const semiannualReportHandlers = defineHandlers({
  'report.options': (_i, s) => reportOptions(s),
  'report.compute': (input, s) => computeReport(s, input),
  'report.trend': (input, s) => reportTrend(s, input),
  'report.export': (input, s) => exportReport(s, input),
  'report.savePdf': (input, s) => saveReportPdf(s, input),
  'report.assessments.list': (input, s) => listAssessments(s, input.period),
  'report.assessments.save': (input, s) => ({ saved: saveAssessment(s, input) }),
  'report.merge': (input, s) => mergeInApp(s, input),
  'report.unrest.list': (input, s) => listUnrest(s, input),
  'report.unrest.save': (input, s) => saveUnrest(s, input),
  'report.unrest.delete': (input, s) => deleteUnrest(s, input),
});
