// TypeScript files shaped like an application's (imports, interfaces, classes with methods, exported functions with
// bodies that call each other), made from a fixed seed so every run completes in the same code.

export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    // mulberry32
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const nouns = ['order', 'invoice', 'customer', 'cart', 'payment', 'shipment', 'product', 'discount', 'account', 'session'];
const verbs = ['load', 'save', 'validate', 'format', 'compute', 'merge', 'apply', 'refresh', 'publish', 'archive'];
const fields = ['id', 'total', 'createdAt', 'status', 'items', 'currency', 'owner', 'notes', 'quantity', 'unitPrice'];

const capital = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1);

/** A module of about `lines` lines whose names come from `area` (so files of one area share identifiers). */
export function typescriptModule(seed: number, lines: number, area: string): string {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const out: string[] = [
    `// ${capital(area)} services: generated for the completions benchmark.`,
    `import { logger } from '../logging/logger';`,
    `import type { Money, Page } from '../shared/types';`,
    '',
  ];
  let n = 0;
  while (out.length < lines) {
    n++;
    const noun = pick(nouns);
    const verb = pick(verbs);
    const type = `${capital(area)}${capital(noun)}${n}`;
    const chosen = [pick(fields), pick(fields), pick(fields), pick(fields)];
    out.push(`export interface ${type} {`);
    for (const field of new Set(chosen)) out.push(`  ${field}: ${field === 'total' || field === 'unitPrice' ? 'Money' : 'string'};`);
    out.push('}', '');
    out.push(`/** ${capital(verb)}s a ${noun} of the ${area} area, keeping the ${chosen[0]} it had. */`);
    out.push(`export async function ${verb}${type}(input: ${type}, page: Page): Promise<${type}> {`);
    out.push(`  const previous = input.${chosen[0]};`);
    out.push(`  if (previous === undefined) {`);
    out.push(`    logger.warn('${verb} ${noun}: no ${chosen[0]}', { page: page.index });`);
    out.push(`    return input;`);
    out.push(`  }`);
    out.push(`  const next = { ...input, ${chosen[1]}: input.${chosen[1]} };`);
    out.push(`  for (const line of page.items) {`);
    out.push(`    if (line.${chosen[2]} !== next.${chosen[2]}) logger.debug('${noun} line', line.${chosen[3]});`);
    out.push(`  }`);
    out.push(`  return next;`);
    out.push('}', '');
    if (n % 3 === 0) {
      out.push(`export class ${type}Store {`);
      out.push(`  private readonly byId = new Map<string, ${type}>();`, '');
      out.push(`  get(id: string): ${type} | undefined {`, `    return this.byId.get(id);`, `  }`, '');
      out.push(`  put(value: ${type}): void {`, `    this.byId.set(value.${chosen[0]}, value);`, `  }`);
      out.push('}', '');
    }
  }
  return `${out.slice(0, lines).join('\n')}\n`;
}
