import { join } from 'node:path';

/** The files a vault folder holds. The database is encrypted; the key file holds only wrapped keys. */
export function vaultFiles(dir: string) {
  const database = join(dir, 'ssp-desk.db');
  return {
    dir,
    database,
    wal: `${database}-wal`,
    shm: `${database}-shm`,
    keyFile: join(dir, 'ssp-desk.keys'),
  };
}
