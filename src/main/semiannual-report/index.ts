import type { DomainModule } from '../core/module';
import { semiannualReportHandlers } from './handlers';

/** The semi-annual report "Urolige områder i København": compute, export, merge. */
export const semiannualReportModule: DomainModule = { name: 'semiannual-report', handlers: semiannualReportHandlers };

export * from './schema';
export * from './report';
export * from './files';
