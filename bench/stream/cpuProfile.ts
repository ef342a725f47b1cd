// Reads a V8 .cpuprofile (node --cpu-prof) of an unminified bundle and says where the self time went: per
// function (with the source module esbuild names in its `// path` comments) and per module group.
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

export interface SelfTime {
  name: string;
  module: string;
  ms: number;
  share: number;
}

export interface ProfileSummary {
  /** Sampled time on the main thread, idle excluded (shares are of this). */
  totalMs: number;
  idleMs: number;
  functions: SelfTime[];
  groups: { group: string; ms: number; share: number }[];
}

/** Line number (0-based) → the source module esbuild was bundling there (`// src/core/x.ts` comment lines). */
function moduleMap(bundleText: string): (line: number) => string {
  const starts: { line: number; module: string }[] = [];
  bundleText.split('\n').forEach((text, index) => {
    const match = /^\/\/ ((?:src|node_modules|bench|test)\/\S+\.(?:[cm]?js|ts))$/.exec(text.trim());
    if (match) starts.push({ line: index, module: match[1]! });
  });
  return (line) => {
    let low = 0;
    let high = starts.length - 1;
    let found = '(bundle)';
    while (low <= high) {
      const mid = (low + high) >> 1;
      if (starts[mid]!.line <= line) {
        found = starts[mid]!.module;
        low = mid + 1;
      } else high = mid - 1;
    }
    return found;
  };
}

export function groupOf(module: string): string {
  if (module.startsWith('src/core/')) return 'src/core';
  if (module.includes('node_modules/undici/')) return 'undici';
  if (module.includes('node_modules/eventsource-parser/')) return 'eventsource-parser';
  if (module.includes('node_modules/zod/')) return 'zod';
  if (module.startsWith('bench/')) return 'the bench client itself';
  if (module.startsWith('node:') || module.startsWith('internal')) return 'node internals';
  if (module.startsWith('(')) return module;
  return 'other';
}

export function summarizeProfile(profileFile: string, bundleFile: string, bundleText = readFileSync(bundleFile, 'utf8')): ProfileSummary {
  const profile = JSON.parse(readFileSync(profileFile, 'utf8')) as CpuProfile;
  const toModule = moduleMap(bundleText);
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const functions = new Map<string, SelfTime>();
  const groups = new Map<string, number>();
  let total = 0;
  let idle = 0;
  for (const [id, us] of selfUs) {
    const node = byId.get(id);
    if (!node) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    if (functionName === '(idle)') {
      idle += us / 1000;
      continue;
    }
    let module: string;
    if (url.endsWith(bundleFile) || url === `file://${bundleFile}`) module = toModule(lineNumber);
    else if (url === '') module = `(${functionName || 'native'})`;
    else module = url.replace(/^file:\/\//, '').replace(/^node:/, 'node:');
    const name = `${functionName || '(anonymous)'} ${module}${url.endsWith(bundleFile) || url === `file://${bundleFile}` ? `:${lineNumber + 1}` : ''}`;
    const ms = us / 1000;
    total += ms;
    const entry = functions.get(name) ?? {
      name: functionName || '(anonymous)',
      module: `${module}${module.startsWith('(') ? '' : `:${lineNumber + 1}`}`,
      ms: 0,
      share: 0,
    };
    entry.ms += ms;
    functions.set(name, entry);
    const group = groupOf(module);
    groups.set(group, (groups.get(group) ?? 0) + ms);
  }
  const list = [...functions.values()].sort((a, b) => b.ms - a.ms).map((f) => ({ ...f, share: f.ms / total }));
  return {
    totalMs: total,
    idleMs: idle,
    functions: list,
    groups: [...groups.entries()].sort((a, b) => b[1] - a[1]).map(([group, ms]) => ({ group, ms, share: ms / total })),
  };
}
