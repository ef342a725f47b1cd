// 10,000 file paths shaped like a real monorepo's (packages with src/test/docs trees, components, generated code,
// assets, configs at every level), made from a fixed seed so every run indexes the same workspace.

const packages = [
  'web',
  'api',
  'mobile',
  'shared',
  'admin',
  'billing',
  'search',
  'auth',
  'notifications',
  'analytics',
  'design-system',
  'cli',
];
const areas = [
  'components',
  'hooks',
  'services',
  'utils',
  'models',
  'routes',
  'store',
  'views',
  'lib',
  'handlers',
  'middleware',
  'config',
  'i18n',
  'types',
];
const nouns = [
  'user',
  'account',
  'invoice',
  'payment',
  'order',
  'cart',
  'product',
  'session',
  'token',
  'profile',
  'settings',
  'dashboard',
  'report',
  'chart',
  'table',
  'button',
  'modal',
  'form',
  'input',
  'select',
  'avatar',
  'menu',
  'sidebar',
  'header',
  'footer',
  'search',
  'filter',
  'query',
  'cache',
  'logger',
  'router',
  'client',
  'server',
  'request',
  'response',
  'error',
  'event',
  'message',
  'notification',
  'email',
  'upload',
  'image',
  'file',
  'folder',
  'permission',
  'role',
  'team',
  'project',
  'task',
];
const suffixes = [
  '',
  'Service',
  'Controller',
  'View',
  'List',
  'Item',
  'Card',
  'Utils',
  'Store',
  'Provider',
  'Context',
  'Hook',
  'Helper',
  'Model',
];
const sourceExtensions = ['.ts', '.ts', '.ts', '.tsx', '.tsx', '.js', '.json', '.css', '.md'];

/** A small deterministic generator (mulberry32). */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function workspacePaths(count: number, seed = 14): string[] {
  const next = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const camel = (noun: string, suffix: string): string => `${noun}${suffix}`;
  const pascal = (noun: string, suffix: string): string => `${noun.charAt(0).toUpperCase()}${noun.slice(1)}${suffix}`;
  const paths = new Set<string>(['package.json', 'README.md', 'tsconfig.json', '.gitignore', 'LICENSE', 'CHANGELOG.md']);
  while (paths.size < count) {
    const pkg = `packages/${pick(packages)}`;
    const roll = next();
    const noun = pick(nouns);
    const suffix = pick(suffixes);
    if (roll < 0.55) {
      const extension = pick(sourceExtensions);
      const name = extension === '.tsx' ? pascal(noun, suffix) : camel(noun, suffix);
      const depth = next() < 0.4 ? `/${pick(nouns)}` : '';
      paths.add(`${pkg}/src/${pick(areas)}${depth}/${name}${extension}`);
    } else if (roll < 0.75) {
      paths.add(`${pkg}/test/${pick(areas)}/${camel(noun, suffix)}.test.ts`);
    } else if (roll < 0.83) {
      paths.add(`${pkg}/docs/${pick(['guides', 'reference', 'adr'])}/${noun}-${pick(nouns)}.md`);
    } else if (roll < 0.9) {
      paths.add(`${pkg}/src/generated/${pick(['graphql', 'proto', 'openapi'])}/${camel(noun, suffix)}.generated.ts`);
    } else if (roll < 0.96) {
      paths.add(`${pkg}/assets/${pick(['icons', 'images', 'fonts'])}/${noun}-${Math.floor(next() * 64)}.${pick(['svg', 'png', 'woff2'])}`);
    } else {
      paths.add(`${pkg}/${pick(['package.json', 'tsconfig.json', 'README.md', '.eslintrc.json', 'vite.config.ts', 'jest.config.js'])}`);
      paths.add(`scripts/${camel(noun, pick(['Build', 'Release', 'Check', 'Seed']))}.ts`);
    }
  }
  return [...paths].slice(0, count);
}
