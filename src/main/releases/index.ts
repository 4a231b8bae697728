import type { DomainModule } from '../core/module';
import { releasesHandlers } from './handlers';
import { releasesRetention } from './retention';
import { seedReleases } from './seed';
import { releasesHandover } from './handover';

/** Release coordination (den gode løsladelse): custody periods, release meetings, follow-ups. */
export const releasesModule: DomainModule = { name: 'releases', handlers: releasesHandlers, seed: seedReleases, retention: releasesRetention, handover: releasesHandover };

export * from './schema';
export * from './seed';
export { releasesOverview, releaseDueItems, type ReleaseDueItem } from './overview';
