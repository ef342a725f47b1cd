// Runs a benchmark step in its own process and reads the one `BENCH_RESULT {json}` line it prints.
import { spawn } from 'node:child_process';

export interface ChildOptions {
  env?: NodeJS.ProcessEnv;
  args?: string[];
  timeoutMs?: number;
  /** Echo the child's output (for the long-running steps run.ts starts). */
  inherit?: boolean;
}

/** The environment without proxy variables: every contender talks to 127.0.0.1 directly. */
export function cleanEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^(https?|all|no)_proxy$/i.test(key)) continue;
    env[key] = value;
  }
  return { ...env, ...extra };
}

export function runNodeForResult<T>(file: string, options: ChildOptions = {}): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const child = spawn(process.execPath, [...(options.args ?? []), file], {
      env: options.env ?? cleanEnv(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (text: string) => {
      stdout += text;
    });
    child.stderr.setEncoding('utf8').on('data', (text: string) => {
      stderr += text;
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 120_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const line = stdout.split('\n').find((l) => l.startsWith('BENCH_RESULT '));
      if (code !== 0 || line === undefined) {
        reject(new Error(`${file} exited with ${signal ?? code}: ${stderr.trim().slice(-2000) || stdout.trim().slice(-2000)}`));
        return;
      }
      resolve(JSON.parse(line.slice('BENCH_RESULT '.length)) as T);
    });
  });
}
