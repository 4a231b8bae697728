import { defineHandlers } from '../core/handlers';
import { serviceCtx } from '../core/service-context';
import { computeReport, exportReport, mergeInApp, reportOptions, reportTrend } from './report';
import { listAssessments, saveAssessment } from './assessments';

/** The semi-annual report: options, the computed report, assessments, export and merge. */
export const reportHandlers = defineHandlers({
  'report.options': (_i, ctx) => reportOptions(serviceCtx(ctx)),
  'report.compute': (input, ctx) => computeReport(serviceCtx(ctx), input),
  'report.trend': (input, ctx) => reportTrend(serviceCtx(ctx), input),
  'report.export': (input, ctx) => exportReport(serviceCtx(ctx), input),
  'report.assessments.list': (input, ctx) => listAssessments(serviceCtx(ctx), input.period),
  'report.assessments.save': (input, ctx) => ({ saved: saveAssessment(serviceCtx(ctx), input) }),
  'report.merge': (input, ctx) => mergeInApp(serviceCtx(ctx), input),
});
