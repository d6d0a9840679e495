// One process per data folder: two embedded databases writing the same files would corrupt them.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** Returns a release function; throws with a readable message when another live process holds the folder. */
export function lockDataDir(dir: string): () => void {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'crm.lock');
  try {
    writeFileSync(file, String(process.pid), { flag: 'wx' });
  } catch {
    const holder = Number(readFileSync(file, 'utf8'));
    if (holder && holder !== process.pid && alive(holder)) {
      throw new Error(`the data folder ${dir} is in use by process ${holder}; stop it first or set CRM_DATA_DIR to another folder`);
    }
    // A stale lock from a process that died without cleaning up.
    writeFileSync(file, String(process.pid));
  }
  return () => rmSync(file, { force: true });
}
