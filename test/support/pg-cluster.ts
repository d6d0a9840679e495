// A throwaway PostgreSQL server for tests and benchmarks: initdb into a temp folder, loopback only, removed at stop.
import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, chmodSync, chownSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export interface PgCluster {
  url(database?: string): string;
  createDatabase(name: string, template?: string): Promise<void>;
  dropDatabase(name: string): Promise<void>;
  stop(): Promise<void>;
}

const onPath = (command: string): string | null => {
  const found = spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' });
  return found.status === 0 ? found.stdout.trim() : null;
};

/** The folder holding initdb and pg_ctl: PATH first, then Debian's versioned folders, newest first. */
export function findPgBinDir(): string | null {
  const initdb = onPath('initdb');
  if (initdb && onPath('pg_ctl')) return join(initdb, '..');
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((v) => /^\d+$/.test(v))
    .sort((a, b) => Number(b) - Number(a));
  const dir = versions.map((v) => join(root, v, 'bin')).find((bin) => existsSync(join(bin, 'initdb')) && existsSync(join(bin, 'pg_ctl')));
  return dir ?? null;
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

/** PostgreSQL refuses to run as root; as root the server runs as the postgres system user. */
function asServerUser(): { wrap: (command: string, args: string[]) => [string, string[]]; uid?: number; gid?: number } {
  if (process.getuid?.() !== 0) return { wrap: (command, args) => [command, args] };
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  return { wrap: (command, args) => ['runuser', ['-u', 'postgres', '--', command, ...args]], uid: id('-u'), gid: id('-g') };
}

export async function startPgCluster(binDir = findPgBinDir()): Promise<PgCluster> {
  if (!binDir) throw new Error('initdb/pg_ctl not found (install PostgreSQL, e.g. apt-get install postgresql)');
  const user = asServerUser();
  const dir = mkdtempSync(join(tmpdir(), 'crm-pg-'));
  const dataDir = join(dir, 'data');
  const socketDir = join(dir, 'sock');
  const run = (command: string, args: string[]) => {
    const [file, argv] = user.wrap(join(binDir, command), args);
    const result = spawnSync(file, argv, { encoding: 'utf8', cwd: dir });
    if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr || result.stdout || result.error?.message}`);
  };
  try {
    execFileSync('mkdir', ['-p', socketDir]);
    if (user.uid !== undefined) {
      chownSync(dir, user.uid, user.gid!);
      chownSync(socketDir, user.uid, user.gid!);
    }
    chmodSync(dir, 0o700);
    run('initdb', ['-D', dataDir, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C', '--no-sync']);
    const port = await freePort();
    // Durability is pointless for a throwaway test server; speed is not.
    appendFileSync(
      join(dataDir, 'postgresql.conf'),
      [
        '',
        `port = ${port}`,
        "listen_addresses = '127.0.0.1'",
        `unix_socket_directories = '${socketDir}'`,
        'fsync = off',
        'synchronous_commit = off',
        'full_page_writes = off',
        'max_connections = 200',
        'shared_buffers = 256MB',
        '',
      ].join('\n'),
    );
    const log = join(dir, 'server.log');
    try {
      run('pg_ctl', ['-D', dataDir, '-w', '-t', '60', '-l', log, 'start']);
    } catch (error) {
      throw new Error(`${(error as Error).message}\n${existsSync(log) ? readFileSync(log, 'utf8') : ''}`);
    }
    const url = (database = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${database}`;
    const admin = async <T>(fn: (client: pg.Client) => Promise<T>) => {
      const client = new pg.Client({ connectionString: url() });
      await client.connect();
      try {
        return await fn(client);
      } finally {
        await client.end();
      }
    };
    let stopped = false;
    return {
      url,
      createDatabase: (name, template) => admin(async (c) => void (await c.query(`CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template}"` : ''}`))),
      dropDatabase: (name) => admin(async (c) => void (await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`))),
      async stop() {
        if (stopped) return;
        stopped = true;
        try {
          run('pg_ctl', ['-D', dataDir, '-m', 'immediate', '-w', 'stop']);
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      },
    };
  } catch (error) {
    spawnSync(...user.wrap(join(binDir, 'pg_ctl'), ['-D', dataDir, '-m', 'immediate', 'stop']));
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}
