// A throwaway PostgreSQL server for tests and benchmarks: initdb into a temp folder, loopback only, removed at stop.
import { execFileSync, spawnSync } from 'node:child_process';
import {
  accessSync,
  appendFileSync,
  chmodSync,
  chownSync,
  constants,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import pg from 'pg';

export interface PgCluster {
  /** Connection URL over TCP on 127.0.0.1 as the trusted superuser "postgres". */
  url(database?: string): string;
  createDatabase(name: string, template?: string): Promise<void>;
  dropDatabase(name: string): Promise<void>;
  /** Stops the server and removes its folder (a kept one stays); safe to call twice. */
  stop(): Promise<void>;
}

const executable = (file: string) => {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

const hasTools = (dir: string) => executable(join(dir, 'initdb')) && executable(join(dir, 'pg_ctl'));

/** The folder holding initdb and pg_ctl: PATH first, then Debian's versioned folders, newest first. */
export function findPgBinDir(): string | null {
  for (const dir of (process.env.PATH ?? '').split(delimiter).filter(Boolean)) {
    // PATH often holds symlinks (e.g. /usr/local/bin/initdb); pg_ctl must come from the same installation.
    if (executable(join(dir, 'initdb'))) {
      const real = dirname(realpathSync(join(dir, 'initdb')));
      if (hasTools(real)) return real;
    }
  }
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((v) => /^\d+(\.\d+)?$/.test(v))
    .sort((a, b) => Number(b) - Number(a));
  return versions.map((v) => join(root, v, 'bin')).find(hasTools) ?? null;
}

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

interface ServerUser {
  wrap(command: string, args: string[]): [string, string[]];
  own(path: string): void;
}

/** initdb and postgres refuse to run as root; as root they run as the postgres system user instead. */
function serverUser(): ServerUser {
  if (process.getuid?.() !== 0) return { wrap: (command, args) => [command, args], own: () => undefined };
  let uid: number;
  let gid: number;
  try {
    uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
  } catch {
    throw new Error('running as root: PostgreSQL must run as the "postgres" system user, which does not exist (apt-get install postgresql creates it)');
  }
  return { wrap: (command, args) => ['runuser', ['-u', 'postgres', '--', command, ...args]], own: (path) => chownSync(path, uid, gid) };
}

// Durability is pointless for a throwaway server; speed is not.
const SETTINGS = [
  "listen_addresses = '127.0.0.1'",
  'fsync = off',
  'synchronous_commit = off',
  'full_page_writes = off',
  'wal_level = minimal',
  'max_wal_senders = 0',
  'autovacuum = off',
  'max_connections = 200',
  'shared_buffers = 128MB',
];

export interface PgClusterOptions {
  /**
   * A folder the server keeps its data in across runs: started again from there when it holds one, stopped cleanly and
   * left in place at stop. Lets a benchmark reuse a tenant that takes long to seed.
   */
  keepIn?: string;
}

export async function startPgCluster(binDir = findPgBinDir(), options: PgClusterOptions = {}): Promise<PgCluster> {
  if (!binDir) throw new Error('initdb/pg_ctl not found on PATH or under /usr/lib/postgresql/*/bin (apt-get install postgresql)');
  const user = serverUser();
  const kept = options.keepIn !== undefined;
  if (options.keepIn) mkdirSync(options.keepIn, { recursive: true });
  const dir = options.keepIn ?? mkdtempSync(join(tmpdir(), 'crm-pg-'));
  const dataDir = join(dir, 'data');
  const socketDir = join(dir, 'sock');
  const log = join(dir, 'server.log');
  const run = (command: string, args: string[]) => {
    const [file, argv] = user.wrap(join(binDir, command), args);
    const result = spawnSync(file, argv, { encoding: 'utf8', cwd: dir });
    if (result.status !== 0) {
      const serverLog = existsSync(log) ? `\n--- server log ---\n${readFileSync(log, 'utf8')}` : '';
      throw new Error(`${command} failed: ${result.stderr || result.stdout || result.error?.message}${serverLog}`);
    }
  };
  const postmasterPid = (): number | null => {
    const file = join(dataDir, 'postmaster.pid');
    return existsSync(file) ? Number(readFileSync(file, 'utf8').split('\n')[0]) || null : null;
  };
  let removed = false;
  // Synchronous so it also works from an 'exit' handler when the test runner dies without teardown.
  const teardown = () => {
    if (removed) return;
    removed = true;
    process.off('exit', teardown);
    const pid = postmasterPid();
    const stopped = spawnSync(...user.wrap(join(binDir, 'pg_ctl'), ['-D', dataDir, '-m', kept ? 'fast' : 'immediate', '-w', 'stop']));
    if (stopped.status !== 0 && pid !== null) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    if (!kept) rmSync(dir, { recursive: true, force: true });
  };
  process.on('exit', teardown);

  try {
    const reused = kept && existsSync(join(dataDir, 'PG_VERSION'));
    mkdirSync(socketDir, { recursive: true });
    user.own(dir);
    user.own(socketDir);
    chmodSync(dir, 0o700);
    if (spawnSync(...user.wrap('test', ['-w', dir])).status !== 0) {
      throw new Error(`the PostgreSQL server user cannot write ${dir}; point TMPDIR at a folder it can reach`);
    }
    if (!reused) {
      run('initdb', ['-D', dataDir, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C', '--no-sync']);
      appendFileSync(join(dataDir, 'postgresql.conf'), ['', ...SETTINGS, `unix_socket_directories = '${socketDir}'`, ''].join('\n'));
    }
    let port = 0;
    // Another process may take the free port between the probe and the bind; a new port fixes that.
    for (let attempt = 1; ; attempt++) {
      port = await freePort();
      try {
        run('pg_ctl', ['-D', dataDir, '-w', '-t', '60', '-l', log, '-o', `-p ${port}`, 'start']);
        break;
      } catch (error) {
        if (attempt === 3 || !readFileSync(log, 'utf8').includes('could not bind')) throw error;
      }
    }
    const url = (database = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${encodeURIComponent(database)}`;
    const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;
    const admin = async (sql: string) => {
      const client = new pg.Client({ connectionString: url() });
      await client.connect();
      try {
        await client.query(sql);
      } finally {
        await client.end();
      }
    };
    return {
      url,
      createDatabase: (name, template) => admin(`CREATE DATABASE ${ident(name)}${template ? ` TEMPLATE ${ident(template)}` : ''}`),
      dropDatabase: (name) => admin(`DROP DATABASE IF EXISTS ${ident(name)} WITH (FORCE)`),
      stop: async () => teardown(),
    };
  } catch (error) {
    teardown();
    throw error;
  }
}
