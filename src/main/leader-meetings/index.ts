import type { DomainModule } from '../core/module';
import { leaderMeetingsHandlers } from './handlers';
import { leaderMeetingsRetention } from './retention';
import { seedMeetings } from './seed';
import { leaderMeetingsHandover } from './handover';

/** Ledergruppe meetings: forums, agenda, projection, decisions into the cases, minutes. */
export const leaderMeetingsModule: DomainModule = { name: 'leader-meetings', handlers: leaderMeetingsHandlers, seed: seedMeetings, retention: leaderMeetingsRetention, handover: leaderMeetingsHandover };

export * from './schema';
export * from './seed';
export { getMeetingDetail, saveAgenda } from './writes';
