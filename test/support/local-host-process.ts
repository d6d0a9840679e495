// Starts `npm start`'s local host as a child process on a random port, as a user would run it.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** Set by the test run's global setup to the host bundled once (local-host-bundle.ts); unset, the source runs through tsx. */
export const LOCAL_HOST_BUNDLE_ENV = 'CRM_TEST_LOCAL_HOST_BUNDLE';

const entryArguments = (): string[] => {
  const bundle = process.env[LOCAL_HOST_BUNDLE_ENV];
  if (!bundle) return ['--import', 'tsx', 'functions/src/hosts/local/start-local.ts'];
  if (!existsSync(bundle)) throw new Error(`${LOCAL_HOST_BUNDLE_ENV} names ${bundle}, which does not exist`);
  return ['--enable-source-maps', bundle];
};

export interface LocalHostProcess {
  url: string;
  output(): string;
  /** Sends a signal and resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export async function startLocalHostProcess(env: Record<string, string>, timeoutMs = 120_000): Promise<LocalHostProcess> {
  const child: ChildProcess = spawn(process.execPath, entryArguments(), {
    cwd: repoRoot,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`local host did not start within ${timeoutMs} ms:\n${output}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = output.match(/^listening on (http:\/\/\S+)$/m);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`local host exited with ${code} before listening:\n${output}`));
    });
  });
  return {
    url,
    output: () => output,
    async stop(signal = 'SIGINT') {
      if (child.exitCode !== null) return child.exitCode;
      child.kill(signal);
      const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
}
