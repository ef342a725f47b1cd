// The placement corpus: answers as models write them, each with the file it is applied to and where it must land.
// To add a case, append to `placementCases`: the file (a constant of corpusFiles.ts or an inline string), the code
// block, the languages when the editor would know them, and what must happen:
// - placed: the rule, the lines [startLine, endLine) it replaces (0-based, end exclusive; print a file's lines
//   numbered to count them), and `becomes`, the exact text those lines turn into (line breaks included, written
//   with "\n": a CRLF file's case sets `crlf` and the test expects "\r\n");
// - ambiguous: the candidate regions the user chooses from; none: the reason.
// The test (../placementCorpus.test.ts) also checks that every line outside the region is left byte for byte, but
// for a case that sets `fileAfter` (a block that starts with imports, merged into the file's import block).

import type { PlacementRule, SymbolOutline } from '../../../../src/core/edits/placeFragment';
import {
  accountRb,
  animalsPy,
  cartPhp,
  cartServiceTs,
  counterTsx,
  crlf,
  duplicatedBlocksTs,
  greeterKt,
  inventoryPy,
  listC,
  mathSpecTs,
  moneyRs,
  orderServiceJava,
  packageJson,
  readmeMd,
  repositoriesTs,
  serverGo,
  settingsJs,
  shapesTs,
  stylesCss,
  tabsTs,
  tsconfigJson,
  usersControllerCs,
} from './corpusFiles';

export type ExpectedPlacement =
  | {
      kind: 'placed';
      rule: PlacementRule;
      startLine: number;
      endLine: number;
      symbolName?: string;
      /** The region's new text. */
      becomes: string;
      crlf?: boolean;
      /** The whole file after applying, when more than the region changes (imports the block starts with join the file's). */
      fileAfter?: string;
    }
  | { kind: 'ambiguous'; candidates: { rule: PlacementRule; startLine: number; endLine: number }[] }
  | { kind: 'none'; reason: 'empty' | 'no-match' | 'other-language' };

export interface PlacementCase {
  name: string;
  file: string;
  fragment: string;
  fileLanguage?: string;
  fragmentLanguage?: string;
  symbols?: SymbolOutline[];
  expect: ExpectedPlacement;
}

const symbol = (name: string, kind: string, startLine: number, endLine: number, children: SymbolOutline[] = []): SymbolOutline => ({
  name,
  kind,
  startLine,
  endLine,
  children,
});

/** What VS Code's TypeScript symbol provider reports for cartServiceTs (decorators inside a member's range, doc comments not). */
const cartServiceSymbols = [
  symbol('TAX_RATE', 'Constant', 5, 5),
  symbol('CartService', 'Class', 7, 43, [
    symbol('items', 'Property', 11, 11),
    symbol('constructor', 'Constructor', 13, 13),
    symbol('add', 'Method', 15, 22),
    symbol('remove', 'Method', 24, 26),
    symbol('total', 'Method', 31, 37),
    symbol('save', 'Method', 39, 42),
  ]),
  symbol('formatPrice', 'Function', 45, 48),
  symbol('isEmpty', 'Variable', 50, 50),
  symbol('parseQuantity', 'Variable', 52, 55),
];

/** As Pylance reports inventoryPy: a decorated definition's range starts at its decorator. */
const inventorySymbols = [
  symbol('Item', 'Class', 7, 15, [symbol('value', 'Property', 13, 15)]),
  symbol('Inventory', 'Class', 18, 42, [
    symbol('__init__', 'Method', 19, 20),
    symbol('add', 'Method', 22, 26),
    symbol('find', 'Method', 28, 29),
    symbol('total_value', 'Method', 31, 35),
    symbol('from_json', 'Method', 37, 42),
  ]),
  symbol('format_price', 'Function', 46, 47),
  symbol('load', 'Function', 50, 52),
];

/** As gopls reports serverGo: methods at the top level, named with their receiver. */
const serverSymbols = [
  symbol('Server', 'Struct', 8, 11, [symbol('addr', 'Field', 9, 9), symbol('cancel', 'Field', 10, 10)]),
  symbol('Temperature', 'Class', 14, 14),
  symbol('NewServer', 'Function', 17, 19),
  symbol('(*Server).Start', 'Method', 22, 25),
  symbol('(*Server).Stop', 'Method', 28, 32),
  symbol('(*Server).String', 'Method', 34, 36),
  symbol('(Temperature).String', 'Method', 38, 40),
];

const clockTs = `import { EventEmitter } from 'node:events';

export class Clock extends EventEmitter {
  private timer: NodeJS.Timeout | undefined;

  start(): void {
    this.timer = setInterval(() => this.emit('tick'), 1000);
  }

  stop(): void {
    clearInterval(this.timer);
  }
}
`;

const helpersPy = `"""Helpers."""


def slug(text):
    return text.lower()
`;

export const placementCases: PlacementCase[] = [
  // TypeScript and JavaScript: methods, functions, arrow functions, decorators, doc comments.
  {
    name: 'TS: a method de-indented to column 0 replaces the method inside its class (no symbol provider)',
    file: cartServiceTs,
    fileLanguage: 'typescript',
    fragmentLanguage: 'typescript',
    fragment: `remove(id: string): void {
  const index = this.items.findIndex((entry) => entry.id === id);
  if (index >= 0) this.items.splice(index, 1);
}`,
    expect: {
      kind: 'placed',
      rule: 'symbol',
      startLine: 24,
      endLine: 27,
      symbolName: 'CartService.remove',
      becomes: `  remove(id: string): void {
    const index = this.items.findIndex((entry) => entry.id === id);
    if (index >= 0) this.items.splice(index, 1);
  }
`,
    },
  },
  {
    name: 'TS: a method with its doc comment replaces the method and its doc comment (symbol provider)',
    file: cartServiceTs,
    fileLanguage: 'typescript',
    symbols: cartServiceSymbols,
    fragment: `/**
 * The total in cents, tax and discount included.
 */
total(discount = 0): number {
  const sum = this.items.reduce((acc, item) => acc + item.price * item.quantity, 0);
  return Math.round(sum * (1 - discount) * (1 + TAX_RATE));
}`,
    expect: {
      kind: 'placed',
      rule: 'symbol',
      startLine: 28,
      endLine: 38,
      symbolName: 'CartService.total',
      becomes: `  /**
   * The total in cents, tax and discount included.
   */
  total(discount = 0): number {
    const sum = this.items.reduce((acc, item) => acc + item.price * item.quantity, 0);
    return Math.round(sum * (1 - discount) * (1 + TAX_RATE));
  }
`,
    },
  },
  {
    name: "TS: a decorated method's fragment without the decorator keeps the file's decorator (symbol provider)",
    file: cartServiceTs,
    fileLanguage: 'typescript',
    symbols: cartServiceSymbols,
    fragment: `save(): void {
  sessionStorage.setItem('cart', JSON.stringify(this.items));
}`,
    expect: {
      kind: 'placed',
      rule: 'symbol',
      startLine: 40,
      endLine: 43,
      symbolName: 'CartService.save',
      becomes: `  save(): void {
    sessionStorage.setItem('cart', JSON.stringify(this.items));
  }
`,
    },
  },
  {
    name: 'TS: a fragment with its own decorator replaces the decorator too',
    file: cartServiceTs,
    fileLanguage: 'typescript',
    fragment: `@HostListener('window:pagehide')
save(): void {
  localStorage.setItem('cart', JSON.stringify(this.items));
}`,
    expect: {
      kind: 'placed',
      rule: 'symbol',
      startLine: 39,
      endLine: 43,
      symbolName: 'CartService.save',
      becomes: `  @HostListener('window:pagehide')
  save(): void {
    localStorage.setItem('cart', JSON.stringify(this.items));
  }
`,
    },
  },
  {
    name: 'TS: an exported function',
    file: cartServiceTs,
    fileLanguage: 'typescript',
    fragment: `export function formatPrice(cents: number, currency = '€'): string {
  return (cents / 100).toFixed(2) + ' ' + currency;
}
`,
    expect: {
      kind: 'placed',
      rule: 'symbol',
      startLine: 45,
      endLine: 49,
      symbolName: 'formatPrice',
      becomes: `export function formatPrice(cents: number, currency = '€'): string {
  return (cents / 100).toFixed(2) + ' ' + currency;
}
`,
    },
  },
  {
    name: 'TS: an arrow-function const with a body',
    file: cartServiceTs,
    fileLanguage: 'typescript',
    fragment: `export const parseQuantity = (text: string): number => {
  const value = Number.parseInt(text.trim(), 10);
  return Number.isNaN(value) || value < 1 ? 1 : value;
};`,
    expect: {
      kind: 'placed',
      rule: 'symbol',
      startLine: 52,
      endLine: 56,
      symbolName: 'parseQuantity',
      becomes: `export const parseQuantity = (text: string): number => {
  const value = Number.parseInt(text.trim(), 10);
  return Number.isNaN(value) || value < 1 ? 1 : value;
};
`,
    },
  },
  {
    name: 'TS: a one-line arrow-function const (symbol provider)',
    file: cartServiceTs,
    fileLanguage: 'typescript',
    symbols: cartServiceSymbols,
    fragment: 'export const isEmpty = (items: readonly Item[]): boolean => items.every((item) => item.quantity === 0);',
    expect: {
      kind: 'placed',
      rule: 'symbol',
      startLine: 50,
      endLine: 51,
      symbolName: 'isEmpty',
      becomes: 'export const isEmpty = (items: readonly Item[]): boolean => items.every((item) => item.quantity === 0);\n',
    },
  },
  {
    name: 'TS: a new helper before a changed function lands with it, over the function',
    file: cartServiceTs,
    fileLanguage: 'typescript',
    fragment: `function euros(cents: number): string {
  return (cents / 100).toFixed(2);
}

export function formatPrice(cents: number): string {
  return euros(cents) + ' €';
}`,
    expect: {
      kind: 'placed',
      rule: 'symbol',
      startLine: 45,
      endLine: 49,
      symbolName: 'formatPrice',
      becomes: `function euros(cents: number): string {
  return (cents / 100).toFixed(2);
}

export function formatPrice(cents: number): string {
  return euros(cents) + ' €';
}
`,
    },
  },
  {
    name: 'TS: two definitions next to each other in the file replace both as one region',
    file: cartServiceTs,
    fileLanguage: 'typescript',
    fragment: `export const isEmpty = (items: readonly Item[]): boolean => items.length === 0 || items.every((item) => item.quantity === 0);

export const parseQuantity = (text: string): number => {
  const value = Number(text);
  return Number.isInteger(value) && value > 0 ? value : 1;
};`,
    expect: {
      kind: 'placed',
      rule: 'symbol',
      startLine: 50,
      endLine: 56,
      symbolName: 'isEmpty, parseQuantity',
      becomes: `export const isEmpty = (items: readonly Item[]): boolean => items.length === 0 || items.every((item) => item.quantity === 0);

export const parseQuantity = (text: string): number => {
  const value = Number(text);
  return Number.isInteger(value) && value > 0 ? value : 1;
};
`,
    },
  },
  {
    name: 'TS: two definitions far apart in the file cannot be one region: no match',
    file: cartServiceTs,
    fileLanguage: 'typescript',
    fragment: `add(item: Item): void {
  this.items.push({ ...item });
}

export function formatPrice(cents: number): string {
  return (cents / 100).toFixed(2);
}`,
    expect: { kind: 'none', reason: 'no-match' },
  },
  {
    name: "TS: imports merge into the file's import block (names joined, new modules added)",
    file: cartServiceTs,
    fileLanguage: 'typescript',
    fragment: `import { Injectable, HostListener } from '@angular/core';
import { Router } from '@angular/router';`,
    expect: {
      kind: 'placed',
      rule: 'anchors',
      startLine: 0,
      endLine: 3,
      becomes: `import { Injectable, HostListener } from '@angular/core';
import { HttpClient } from '@angular/common/http';
import type { Item } from './item';
import { Router } from '@angular/router';
`,
    },
  },
  {
    name: 'TS: an import into a file without imports is inserted at the top',
    file: shapesTs,
    fileLanguage: 'typescript',
    fragment: "import { round } from './math';",
    expect: { kind: 'placed', rule: 'anchors', startLine: 0, endLine: 0, becomes: "import { round } from './math';\n" },
  },
  {
    name: 'TS: two named imports from one module become one list',
    file: mathSpecTs,
    fileLanguage: 'typescript',
    fragment: "import { add, multiply } from './math';",
    expect: {
      kind: 'placed',
      rule: 'anchors',
      startLine: 0,
      endLine: 3,
      becomes: `import { describe, it } from 'mocha';
import * as assert from 'node:assert/strict';
import { add, divide, multiply } from './math';
`,
    },
  },
  {
    name: "TS: a function with the imports it needs: the function is replaced, the imports join the file's",
    file: cartServiceTs,
    fileLanguage: 'typescript',
    fragment: `import { Injectable } from '@angular/core';
import { CurrencyPipe } from '@angular/common';

export function formatPrice(cents: number): string {
  return new CurrencyPipe('en').transform(cents / 100, 'EUR') ?? '';
}`,
    expect: {
      kind: 'placed',
      rule: 'symbol',
      startLine: 45,
      endLine: 49,
      symbolName: 'formatPrice',
      becomes: `export function formatPrice(cents: number): string {
  return new CurrencyPipe('en').transform(cents / 100, 'EUR') ?? '';
}
`,
      fileAfter: cartServiceTs
        .replace(
          "import type { Item } from './item';\n",
          "import type { Item } from './item';\nimport { CurrencyPipe } from '@angular/common';\n",
        )
        .replace(
          "export function formatPrice(cents: number): string {\n  const euros = cents / 100;\n  return euros.toFixed(2) + ' €';\n}\n",
          "export function formatPrice(cents: number): string {\n  return new CurrencyPipe('en').transform(cents / 100, 'EUR') ?? '';\n}\n",
        ),
    },
  },
  {
    name: 'TS: a class with the import line the file has right above it: the region takes that line too',
    file: repositoriesTs,
    fileLanguage: 'typescript',
    fragment: `import { db } from './db';

export class UserRepository {
  async findById(id: string) {
    return (await db.query('select * from users where id = $1', [id]))[0] ?? null;
  }

  async count(): Promise<number> {
    return db.count('users');
  }
}`,
    expect: {
      kind: 'placed',
      rule: 'symbol',
      startLine: 0,
      endLine: 12,
      symbolName: 'UserRepository',
      becomes: `import { db } from './db';

export class UserRepository {
  async findById(id: string) {
    return (await db.query('select * from users where id = $1', [id]))[0] ?? null;
  }

  async count(): Promise<number> {
    return db.count('users');
  }
}
`,
    },
  },
  {
    name: "Python: a function with an import the file lacks: the import joins the file's imports",
    file: inventoryPy,
    fileLanguage: 'python',
    fragment: `import locale

def format_price(value: float) -> str:
    return locale.currency(value)`,
    expect: {
      kind: 'placed',
      rule: 'symbol',
      startLine: 46,
      endLine: 48,
      symbolName: 'format_price',
      becomes: `def format_price(value: float) -> str:
    return locale.currency(value)
`,
      fileAfter: inventoryPy
        .replace('from typing import Optional\n', 'from typing import Optional\nimport locale\n')
        .replace('    return f"{value:.2f} EUR"\n', '    return locale.currency(value)\n'),
    },
  },
  {
    name: 'TS: lines from inside a method, first and last unchanged, by anchors (indentation restored)',
    file: cartServiceTs,
    fileLanguage: 'typescript',
    fragment: `let sum = 0;
for (const item of this.items) {
  if (item.quantity <= 0) continue;
  sum += item.price * item.quantity;
}
return Math.round(sum * (1 + TAX_RATE));`,
    expect: {
      kind: 'placed',
      rule: 'anchors',
      startLine: 32,
      endLine: 37,
      becomes: `    let sum = 0;
    for (const item of this.items) {
      if (item.quantity <= 0) continue;
      sum += item.price * item.quantity;
    }
    return Math.round(sum * (1 + TAX_RATE));
`,
    },
  },
  {
    name: 'TS: a loop from inside a method with a changed line, by fuzzy match',
    file: cartServiceTs,
    fileLanguage: 'typescript',
    fragment: `    for (const item of this.items) {
      sum += item.price * item.quantity - (item.discount ?? 0);
    }`,
    expect: {
      kind: 'placed',
      rule: 'fuzzy',
      startLine: 33,
      endLine: 36,
      becomes: `    for (const item of this.items) {
      sum += item.price * item.quantity - (item.discount ?? 0);
    }
`,
    },
  },
  {
    name: 'TS: a new function the file does not have: no match',
    file: cartServiceTs,
    fileLanguage: 'typescript',
    fragment: `export function applyCoupon(total: number, code: string): number {
  return code === 'SAVE10' ? total * 0.9 : total;
}`,
    expect: { kind: 'none', reason: 'no-match' },
  },
  {
    name: 'TS: a renamed function, otherwise nearly the same, by fuzzy match over the old one',
    file: cartServiceTs,
    fileLanguage: 'typescript',
    fragment: `export function formatEuros(cents: number): string {
  const euros = cents / 100;
  return euros.toFixed(2) + ' €';
}`,
    expect: {
      kind: 'placed',
      rule: 'fuzzy',
      startLine: 45,
      endLine: 49,
      becomes: `export function formatEuros(cents: number): string {
  const euros = cents / 100;
  return euros.toFixed(2) + ' €';
}
`,
    },
  },
  {
    name: "TS: a new function written in the style of the file's others: no match",
    file: duplicatedBlocksTs,
    fileLanguage: 'typescript',
    fragment: `export function saveCart(cart: Cart): void {
  validate(cart);
  const json = JSON.stringify(cart);
  storage.write('cart', json);
  log('saved');
}`,
    expect: { kind: 'none', reason: 'no-match' },
  },
  {
    name: 'TS: the same method in two classes, alike in both: ambiguous',
    file: repositoriesTs,
    fileLanguage: 'typescript',
    fragment: `async findById(id: string) {
  const rows = await db.query('select * from rows where id = $1 limit 1', [id]);
  return rows[0] ?? null;
}`,
    expect: {
      kind: 'ambiguous',
      candidates: [
        { rule: 'symbol', startLine: 3, endLine: 7 },
        { rule: 'symbol', startLine: 14, endLine: 18 },
      ],
    },
  },
  {
    name: "TS: the same method in two classes, the fragment's body says which",
    file: shapesTs,
    fileLanguage: 'typescript',
    fragment: `area(): number {
  return Math.PI * this.radius ** 2;
}`,
    expect: {
      kind: 'placed',
      rule: 'symbol',
      startLine: 7,
      endLine: 10,
      symbolName: 'Circle.area',
      becomes: `  area(): number {
    return Math.PI * this.radius ** 2;
  }
`,
    },
  },
  {
    name: 'TS: a whole class in a file with imports replaces the class, not the file',
    file: clockTs,
    fileLanguage: 'typescript',
    fragment: `export class Clock extends EventEmitter {
  private timer: NodeJS.Timeout | undefined;

  start(): void {
    this.timer = setInterval(() => this.emit('tick'), 1000);
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }
}`,
    expect: {
      kind: 'placed',
      rule: 'symbol',
      startLine: 2,
      endLine: 13,
      symbolName: 'Clock',
      becomes: `export class Clock extends EventEmitter {
  private timer: NodeJS.Timeout | undefined;

  start(): void {
    this.timer = setInterval(() => this.emit('tick'), 1000);
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }
}
`,
    },
  },
  {
    name: 'TS: a tab-indented file gets tabs for a fragment written with spaces',
    file: tabsTs,
    fileLanguage: 'typescript',
    fragment: `pop(): T | undefined {
    const item = this.items.shift();
    return item;
}`,
    expect: {
      kind: 'placed',
      rule: 'symbol',
      startLine: 7,
      endLine: 10,
      symbolName: 'Queue.pop',
      becomes: '\tpop(): T | undefined {\n\t\tconst item = this.items.shift();\n\t\treturn item;\n\t}\n',
    },
  },
  {
    name: 'TS: a CRLF file keeps CRLF for a fragment written with LF',
    file: crlf(cartServiceTs),
    fileLanguage: 'typescript',
    fragment: `remove(id: string): void {
  this.items = this.items.filter((entry) => entry.id !== id && entry.quantity > 0);
}`,
    expect: {
      kind: 'placed',
      rule: 'symbol',
      startLine: 24,
      endLine: 27,
      symbolName: 'CartService.remove',
      crlf: true,
      becomes: `  remove(id: string): void {
    this.items = this.items.filter((entry) => entry.id !== id && entry.quantity > 0);
  }
`,
    },
  },
  {
    name: 'TSX: a React component written as an arrow function',
    file: counterTsx,
    fileLanguage: 'typescriptreact',
    fragment: `export const Counter = ({ start, step = 1 }: Props) => {
  const [count, setCount] = useState(start);
  const reset = () => setCount(start);
  return (
    <div className="counter">
      <button onClick={() => setCount(count - step)}>-</button>
      <span>{count}</span>
      <button onClick={() => setCount(count + step)}>+</button>
      <button onClick={reset}>reset</button>
    </div>
  );
};`,
    expect: {
      kind: 'placed',
      rule: 'symbol',
      startLine: 4,
      endLine: 14,
      symbolName: 'Counter',
      becomes: `export const Counter = ({ start, step = 1 }: Props) => {
  const [count, setCount] = useState(start);
  const reset = () => setCount(start);
  return (
    <div className="counter">
      <button onClick={() => setCount(count - step)}>-</button>
      <span>{count}</span>
      <button onClick={() => setCount(count + step)}>+</button>
      <button onClick={reset}>reset</button>
    </div>
  );
};
`,
    },
  },
  {
    name: 'TSX: a class field holding an arrow function',
    file: counterTsx,
    fileLanguage: 'typescriptreact',
    fragment: `handleClick = () => {
  this.setState((state) => ({ on: !state.on }));
};`,
    expect: {
      kind: 'placed',
      rule: 'symbol',
      startLine: 18,
      endLine: 21,
      symbolName: 'Toggle.handleClick',
      becomes: `  handleClick = () => {
    this.setState((state) => ({ on: !state.on }));
  };
`,
    },
  },
  {
    name: 'TSX: a new component the file does not have: no match',
    file: counterTsx,
    fileLanguage: 'typescriptreact',
    fragment: `export const Badge = ({ label }: { label: string }) => {
  return <span className="badge">{label}</span>;
};`,
    expect: { kind: 'none', reason: 'no-match' },
  },
  {
    name: "TS: a test's it(…) block is a call, not a definition: placed by its lines",
    file: mathSpecTs,
    fileLanguage: 'typescript',
    fragment: `it('divides', () => {
  assert.equal(divide(6, 3), 2);
  assert.equal(divide(1, 4), 0.25);
  assert.throws(() => divide(1, 0));
});`,
    expect: {
      kind: 'placed',
      rule: 'fuzzy',
      startLine: 9,
      endLine: 13,
      becomes: `  it('divides', () => {
    assert.equal(divide(6, 3), 2);
    assert.equal(divide(1, 4), 0.25);
    assert.throws(() => divide(1, 0));
  });
`,
    },
  },
  {
    name: 'JS: CommonJS requires merge after the "use strict" line',
    file: settingsJs,
    fileLanguage: 'javascript',
    fragment: `const os = require('os');
const path = require('path');`,
    expect: {
      kind: 'placed',
      rule: 'anchors',
      startLine: 2,
      endLine: 4,
      becomes: `const fs = require('fs');
const path = require('path');
const os = require('os');
`,
    },
  },
  {
    name: 'JS: an object-literal method keeps the comma that separates it from the next member',
    file: settingsJs,
    fileLanguage: 'javascript',
    fragment: `save() {
  return JSON.stringify(this, null, 2);
}`,
    expect: {
      kind: 'placed',
      rule: 'symbol',
      startLine: 16,
      endLine: 19,
      symbolName: 'save',
      becomes: `  save() {
    return JSON.stringify(this, null, 2);
  },
`,
    },
  },
  {
    name: 'JS: a block tagged TypeScript is not "another language" in a JavaScript file',
    file: settingsJs,
    fileLanguage: 'javascript',
    fragmentLanguage: 'ts',
    fragment: `function readSettings(folder: string): Record<string, unknown> {
  const file = path.join(folder, 'settings.json');
  return fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : {};
}`,
    expect: {
      kind: 'placed',
      rule: 'symbol',
      startLine: 5,
      endLine: 12,
      symbolName: 'readSettings',
      becomes: `function readSettings(folder: string): Record<string, unknown> {
  const file = path.join(folder, 'settings.json');
  return fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : {};
}
`,
    },
  },
  {
    name: 'JS: the whole file rewritten replaces the whole file',
    file: settingsJs,
    fileLanguage: 'javascript',
    fragment: `'use strict';

const fs = require('fs');
const path = require('path');

function readSettings(folder) {
  const file = path.join(folder, 'settings.json');
  if (!fs.existsSync(file)) {
    return { ...defaults };
  }
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

const defaults = {
  theme: 'light',
  fontSize: 14,
  save() {
    return JSON.stringify(this);
  },
  reset() {
    this.theme = 'light';
    this.fontSize = 14;
  },
};

module.exports = { readSettings, defaults };
`,
    expect: {
      kind: 'placed',
      rule: 'whole-file',
      startLine: 0,
      endLine: 25,
      becomes: `'use strict';

const fs = require('fs');
const path = require('path');

function readSettings(folder) {
  const file = path.join(folder, 'settings.json');
  if (!fs.existsSync(file)) {
    return { ...defaults };
  }
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

const defaults = {
  theme: 'light',
  fontSize: 14,
  save() {
    return JSON.stringify(this);
  },
  reset() {
    this.theme = 'light';
    this.fontSize = 14;
  },
};

module.exports = { readSettings, defaults };
`,
    },
  },
  {
    name: 'TS: the same block twice in the file, the fragment matching both equally: ambiguous',
    file: duplicatedBlocksTs,
    fileLanguage: 'typescript',
    fragment: `for (let attempt = 0; attempt < times; attempt += 1) {
  try {
    action();
    return;
  } catch (error) {
    wait(attempt);
  }
}`,
    expect: {
      kind: 'ambiguous',
      candidates: [
        { rule: 'fuzzy', startLine: 15, endLine: 23 },
        { rule: 'fuzzy', startLine: 26, endLine: 34 },
      ],
    },
  },

  // Python: indentation, methods in classes, decorators, imports.
  {
    name: 'Python: a method de-indented to column 0 goes back into its class (symbol provider)',
    file: inventoryPy,
    fileLanguage: 'python',
    symbols: inventorySymbols,
    fragment: `def find(self, name: str) -> Optional[Item]:
    key = name.strip().lower()
    return self.items.get(key)`,
    expect: {
      kind: 'placed',
      rule: 'symbol',
      startLine: 28,
      endLine: 30,
      symbolName: 'Inventory.find',
      becomes: `    def find(self, name: str) -> Optional[Item]:
        key = name.strip().lower()
        return self.items.get(key)
`,
    },
  },
  {
    name: 'Python: a decorated static method with its decorator (symbol provider)',
    file: inventoryPy,
    fileLanguage: 'python',
    symbols: inventorySymbols,
    fragment: `@staticmethod
def from_json(text: str) -> "Inventory":
    inventory = Inventory()
    for entry in json.loads(text):
        inventory.add(Item(**entry))
    inventory.validate()
    return inventory`,
    expect: {
      kind: 'placed',
      rule: 'symbol',
      startLine: 37,
      endLine: 43,
      symbolName: 'Inventory.from_json',
      becomes: `    @staticmethod
    def from_json(text: str) -> "Inventory":
        inventory = Inventory()
        for entry in json.loads(text):
            inventory.add(Item(**entry))
        inventory.validate()
        return inventory
`,
    },
  },
  {
    name: 'Python: a @property in a dataclass (no symbol provider)',
    file: inventoryPy,
    fileLanguage: 'python',
    fragment: `@property
def value(self) -> float:
    return round(self.price * self.quantity, 2)`,
    expect: {
      kind: 'placed',
      rule: 'symbol',
      startLine: 13,
      endLine: 16,
      symbolName: 'Item.value',
      becomes: `    @property
    def value(self) -> float:
        return round(self.price * self.quantity, 2)
`,
    },
  },
  {
    name: 'Python: a module function with the comment above it',
    file: inventoryPy,
    fileLanguage: 'python',
    fragment: `# Formatting helpers
def format_price(value: float, currency: str = "EUR") -> str:
    return f"{value:.2f} {currency}"`,
    expect: {
      kind: 'placed',
      rule: 'symbol',
      startLine: 45,
      endLine: 48,
      symbolName: 'format_price',
      becomes: `# Formatting helpers
def format_price(value: float, currency: str = "EUR") -> str:
    return f"{value:.2f} {currency}"
`,
    },
  },
  {
    name: 'Python: an async function at the end of the file',
    file: inventoryPy,
    fileLanguage: 'python',
    fragment: `async def load(path: str) -> Inventory:
    async with aiofiles.open(path) as handle:
        return Inventory.from_json(await handle.read())`,
    expect: {
      kind: 'placed',
      rule: 'symbol',
      startLine: 50,
      endLine: 53,
      symbolName: 'load',
      becomes: `async def load(path: str) -> Inventory:
    async with aiofiles.open(path) as handle:
        return Inventory.from_json(await handle.read())
`,
    },
  },
  {
    name: 'Python: a from-import with more names replaces the shorter one',
    file: inventoryPy,
    fileLanguage: 'python',
    fragment: 'from typing import Iterable, Optional',
    expect: {
      kind: 'placed',
      rule: 'anchors',
      startLine: 2,
      endLine: 5,
      becomes: `import json
from dataclasses import dataclass, field
from typing import Iterable, Optional
`,
    },
  },
  {
    name: "Python: an import into a file without imports goes after the module's docstring",
    file: helpersPy,
    fileLanguage: 'python',
    fragment: 'import re',
    expect: { kind: 'placed', rule: 'anchors', startLine: 1, endLine: 1, becomes: 'import re\n' },
  },
  {
    name: 'Python: the same method in two classes, the fragment says which',
    file: animalsPy,
    fileLanguage: 'python',
    fragment: `def speak(self) -> str:
    return "Meow!"`,
    expect: {
      kind: 'placed',
      rule: 'symbol',
      startLine: 9,
      endLine: 11,
      symbolName: 'Cat.speak',
      becomes: `    def speak(self) -> str:
        return "Meow!"
`,
    },
  },
  {
    name: 'Python: a CRLF file keeps CRLF',
    file: crlf(animalsPy),
    fileLanguage: 'python',
    fragment: `def fetch(self, thing: str) -> str:
    return f"The dog fetches the {thing}"`,
    expect: {
      kind: 'placed',
      rule: 'symbol',
      startLine: 4,
      endLine: 6,
      symbolName: 'Dog.fetch',
      crlf: true,
      becomes: `    def fetch(self, thing: str) -> str:
        return f"The dog fetches the {thing}"
`,
    },
  },
  {
    name: 'Python: lines from inside a method with two lines changed, by fuzzy match (indentation restored)',
    file: inventoryPy,
    fileLanguage: 'python',
    fragment: `total = 0.0
for item in self.items.values():
    if item.quantity > 0:
        total += item.value
return round(total, 2)`,
    expect: {
      kind: 'placed',
      rule: 'fuzzy',
      startLine: 32,
      endLine: 36,
      becomes: `        total = 0.0
        for item in self.items.values():
            if item.quantity > 0:
                total += item.value
        return round(total, 2)
`,
    },
  },
  {
    name: 'Python: an if/else from inside a method of a CRLF file, by fuzzy match, CRLF kept',
    file: crlf(inventoryPy),
    fileLanguage: 'python',
    fragment: `if item.name in self.items:
    self.items[item.name].quantity += item.quantity
else:
    self.items[item.name] = replace(item)`,
    expect: {
      kind: 'placed',
      rule: 'fuzzy',
      startLine: 23,
      endLine: 27,
      crlf: true,
      becomes: `        if item.name in self.items:
            self.items[item.name].quantity += item.quantity
        else:
            self.items[item.name] = replace(item)
`,
    },
  },
  {
    name: 'Python: a new function in the style of the file matches nothing',
    file: inventoryPy,
    fileLanguage: 'python',
    fragment: `def format_quantity(value: int) -> str:
    return f"{value} pcs"`,
    expect: { kind: 'none', reason: 'no-match' },
  },
  {
    name: 'Python code for a TypeScript file is refused as another language',
    file: cartServiceTs,
    fileLanguage: 'typescript',
    fragmentLanguage: 'python',
    fragment: `def total(self):
    return sum(item.price for item in self.items)`,
    expect: { kind: 'none', reason: 'other-language' },
  },

  // Go: receivers, tabs, import groups.
  {
    name: 'Go: a method with its doc comment, written with spaces, lands with tabs',
    file: serverGo,
    fileLanguage: 'go',
    fragment: `// Stop stops the server and waits for it.
func (s *Server) Stop() {
    if s.cancel != nil {
        s.cancel()
        s.cancel = nil
    }
}`,
    expect: {
      kind: 'placed',
      rule: 'symbol',
      startLine: 27,
      endLine: 33,
      symbolName: 'Server.Stop',
      becomes:
        '// Stop stops the server and waits for it.\nfunc (s *Server) Stop() {\n\tif s.cancel != nil {\n\t\ts.cancel()\n\t\ts.cancel = nil\n\t}\n}\n',
    },
  },
  {
    name: "Go: String() on two types, the receiver decides (gopls's symbols)",
    file: serverGo,
    fileLanguage: 'go',
    symbols: serverSymbols,
    fragment: `func (t Temperature) String() string {
	return fmt.Sprintf("%.2f °C", float64(t))
}`,
    expect: {
      kind: 'placed',
      rule: 'symbol',
      startLine: 38,
      endLine: 41,
      symbolName: 'Temperature.String',
      becomes: 'func (t Temperature) String() string {\n\treturn fmt.Sprintf("%.2f °C", float64(t))\n}\n',
    },
  },
  {
    name: 'Go: String() on two types, the receiver decides (no symbol provider)',
    file: serverGo,
    fileLanguage: 'go',
    fragment: `func (s *Server) String() string {
	return "server listening at " + s.addr
}`,
    expect: {
      kind: 'placed',
      rule: 'symbol',
      startLine: 34,
      endLine: 37,
      symbolName: 'Server.String',
      becomes: 'func (s *Server) String() string {\n\treturn "server listening at " + s.addr\n}\n',
    },
  },
  {
    name: 'Go: a struct type with its comment',
    file: serverGo,
    fileLanguage: 'go',
    fragment: `// Server serves the shop's API.
type Server struct {
	addr    string
	cancel  func()
	started bool
}`,
    expect: {
      kind: 'placed',
      rule: 'symbol',
      startLine: 7,
      endLine: 12,
      symbolName: 'Server',
      becomes: "// Server serves the shop's API.\ntype Server struct {\n\taddr    string\n\tcancel  func()\n\tstarted bool\n}\n",
    },
  },
  {
    name: "Go: an import joins the file's import group",
    file: serverGo,
    fileLanguage: 'go',
    fragment: 'import "strings"',
    expect: { kind: 'placed', rule: 'anchors', startLine: 2, endLine: 6, becomes: 'import (\n\t"fmt"\n\t"net/http"\n\t"strings"\n)\n' },
  },
  {
    name: 'Go: two lines from inside a method, the second changed, by fuzzy match (tabs restored)',
    file: serverGo,
    fileLanguage: 'go',
    fragment: `fmt.Println("listening on", s.addr)
return http.ListenAndServe(s.addr, s.handler)`,
    expect: {
      kind: 'placed',
      rule: 'fuzzy',
      startLine: 23,
      endLine: 25,
      becomes: '\tfmt.Println("listening on", s.addr)\n\treturn http.ListenAndServe(s.addr, s.handler)\n',
    },
  },
  {
    name: 'JavaScript for a Go file is refused as another language',
    file: serverGo,
    fileLanguage: 'go',
    fragmentLanguage: 'javascript',
    fragment: 'function stop(server) {\n  server.close();\n}',
    expect: { kind: 'none', reason: 'other-language' },
  },

  // Rust: impl blocks, use.
  {
    name: 'Rust: a method inside an impl block',
    file: moneyRs,
    fileLanguage: 'rust',
    fragment: `pub fn euros(&self) -> f64 {
    self.cents as f64 / 100.0_f64
}`,
    expect: {
      kind: 'placed',
      rule: 'symbol',
      startLine: 14,
      endLine: 17,
      symbolName: 'impl Money.euros',
      becomes: `    pub fn euros(&self) -> f64 {
        self.cents as f64 / 100.0_f64
    }
`,
    },
  },
  {
    name: 'Rust: a trait impl block by its header',
    file: moneyRs,
    fileLanguage: 'rust',
    fragment: `impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "€{:.2}", self.euros())
    }
}`,
    expect: {
      kind: 'placed',
      rule: 'symbol',
      startLine: 19,
      endLine: 24,
      symbolName: 'impl fmt::Display for Money',
      becomes: `impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "€{:.2}", self.euros())
    }
}
`,
    },
  },
  {
    name: 'Rust: use statements merge',
    file: moneyRs,
    fileLanguage: 'rust',
    fragment: 'use std::fmt;\nuse std::collections::HashMap;',
    expect: {
      kind: 'placed',
      rule: 'anchors',
      startLine: 0,
      endLine: 2,
      becomes: 'use std::fmt;\nuse std::ops::Add;\nuse std::collections::HashMap;\n',
    },
  },
  {
    name: 'Rust: the last function of a file without a final newline: still without one',
    file: moneyRs.trimEnd(),
    fileLanguage: 'rust',
    fragment: `pub fn parse(text: &str) -> Option<Money> {
    let value: f64 = text.trim().trim_end_matches("EUR").trim().parse().ok()?;
    Some(Money::new((value * 100.0).round() as i64))
}
`,
    expect: {
      kind: 'placed',
      rule: 'symbol',
      startLine: 33,
      endLine: 37,
      symbolName: 'parse',
      becomes: `pub fn parse(text: &str) -> Option<Money> {
    let value: f64 = text.trim().trim_end_matches("EUR").trim().parse().ok()?;
    Some(Money::new((value * 100.0).round() as i64))
}`,
    },
  },

  // Java, C#, Kotlin.
  {
    name: 'Java: a method with its @Override annotation',
    file: orderServiceJava,
    fileLanguage: 'java',
    fragment: `@Override
public String toString() {
    return "OrderService[" + orders.size() + "]";
}`,
    expect: {
      kind: 'placed',
      rule: 'symbol',
      startLine: 12,
      endLine: 16,
      symbolName: 'OrderService.toString',
      becomes: `    @Override
    public String toString() {
        return "OrderService[" + orders.size() + "]";
    }
`,
    },
  },
  {
    name: 'Java: of two overloads, the one whose signature the fragment keeps',
    file: orderServiceJava,
    fileLanguage: 'java',
    fragment: `public int total(int a, int b) {
    return Math.addExact(a, b);
}`,
    expect: {
      kind: 'placed',
      rule: 'symbol',
      startLine: 17,
      endLine: 20,
      symbolName: 'OrderService.total',
      becomes: `    public int total(int a, int b) {
        return Math.addExact(a, b);
    }
`,
    },
  },
  {
    name: 'Java: imports merge',
    file: orderServiceJava,
    fileLanguage: 'java',
    fragment: 'import java.util.List;\nimport java.util.Map;',
    expect: {
      kind: 'placed',
      rule: 'anchors',
      startLine: 2,
      endLine: 4,
      becomes: 'import java.util.ArrayList;\nimport java.util.List;\nimport java.util.Map;\n',
    },
  },
  {
    name: 'C#: a method with an attribute and Allman braces',
    file: usersControllerCs,
    fileLanguage: 'csharp',
    fragment: `[HttpGet("users/{id}")]
public IActionResult Get(int id)
{
    var user = store.Find(id);
    if (user == null)
    {
        return NotFound();
    }
    return Ok(user);
}`,
    expect: {
      kind: 'placed',
      rule: 'symbol',
      startLine: 15,
      endLine: 21,
      symbolName: 'UsersController.Get',
      becomes: `        [HttpGet("users/{id}")]
        public IActionResult Get(int id)
        {
            var user = store.Find(id);
            if (user == null)
            {
                return NotFound();
            }
            return Ok(user);
        }
`,
    },
  },
  {
    name: 'Kotlin: a one-line member function',
    file: greeterKt,
    fileLanguage: 'kotlin',
    fragment: 'fun farewell(): String = "Goodbye, $name"',
    expect: {
      kind: 'placed',
      rule: 'symbol',
      startLine: 7,
      endLine: 8,
      symbolName: 'Greeter.farewell',
      becomes: '    fun farewell(): String = "Goodbye, $name"\n',
    },
  },
  {
    name: 'Kotlin: an extension function',
    file: greeterKt,
    fileLanguage: 'kotlin',
    fragment: 'fun String.shout(): String = uppercase() + "!!"',
    expect: {
      kind: 'placed',
      rule: 'symbol',
      startLine: 10,
      endLine: 11,
      symbolName: 'String.shout',
      becomes: 'fun String.shout(): String = uppercase() + "!!"\n',
    },
  },

  // C, Ruby, PHP.
  {
    name: 'C: a function',
    file: listC,
    fileLanguage: 'c',
    fragment: `int list_length(const struct node *head) {
    int length = 0;
    while (head != NULL) {
        length++;
        head = head->next;
    }
    return length;
}`,
    expect: {
      kind: 'placed',
      rule: 'symbol',
      startLine: 12,
      endLine: 19,
      symbolName: 'list_length',
      becomes: `int list_length(const struct node *head) {
    int length = 0;
    while (head != NULL) {
        length++;
        head = head->next;
    }
    return length;
}
`,
    },
  },
  {
    name: 'Ruby: a method in a class, up to its end',
    file: accountRb,
    fileLanguage: 'ruby',
    fragment: `def deposit(amount)
  raise ArgumentError, 'amount must be positive' unless amount.positive?

  @balance += amount
  self
end`,
    expect: {
      kind: 'placed',
      rule: 'symbol',
      startLine: 9,
      endLine: 13,
      symbolName: 'Account.deposit',
      becomes: `  def deposit(amount)
    raise ArgumentError, 'amount must be positive' unless amount.positive?

    @balance += amount
    self
  end
`,
    },
  },
  {
    name: 'PHP: a method with its brace on the next line',
    file: cartPhp,
    fileLanguage: 'php',
    fragment: `public function total(): float
{
    return array_sum(array_map(fn ($item) => $item->price, $this->items));
}`,
    expect: {
      kind: 'placed',
      rule: 'symbol',
      startLine: 15,
      endLine: 23,
      symbolName: 'Cart.total',
      becomes: `    public function total(): float
    {
        return array_sum(array_map(fn ($item) => $item->price, $this->items));
    }
`,
    },
  },

  // JSON and CSS.
  {
    name: 'JSON: a sub-object by its key',
    file: packageJson,
    fileLanguage: 'json',
    fragment: `"scripts": {
  "build": "tsc -p .",
  "test": "mocha",
  "lint": "eslint ."
},`,
    expect: {
      kind: 'placed',
      rule: 'symbol',
      startLine: 4,
      endLine: 8,
      symbolName: 'scripts',
      becomes: `  "scripts": {
    "build": "tsc -p .",
    "test": "mocha",
    "lint": "eslint ."
  },
`,
    },
  },
  {
    name: 'JSON: a value whose fragment dropped the comma keeps it',
    file: packageJson,
    fileLanguage: 'json',
    fragment: '"version": "1.3.0"',
    expect: { kind: 'placed', rule: 'symbol', startLine: 2, endLine: 3, symbolName: 'version', becomes: '  "version": "1.3.0",\n' },
  },
  {
    name: 'JSON: the last key loses the comma the fragment added before the closing brace',
    file: packageJson,
    fileLanguage: 'json',
    fragment: `"devDependencies": {
  "typescript": "^5.5.0",
  "mocha": "^10.4.0"
},`,
    expect: {
      kind: 'placed',
      rule: 'symbol',
      startLine: 11,
      endLine: 14,
      symbolName: 'devDependencies',
      becomes: `  "devDependencies": {
    "typescript": "^5.5.0",
    "mocha": "^10.4.0"
  }
`,
    },
  },
  {
    name: 'JSON: a nested key',
    file: tsconfigJson,
    fileLanguage: 'jsonc',
    fragment: '"strict": false,',
    expect: {
      kind: 'placed',
      rule: 'symbol',
      startLine: 3,
      endLine: 4,
      symbolName: 'compilerOptions.strict',
      becomes: '    "strict": false,\n',
    },
  },
  {
    name: 'CSS: a rule by its selector',
    file: stylesCss,
    fileLanguage: 'css',
    fragment: `.button:hover {
  background: #003366;
  text-decoration: underline;
}`,
    expect: {
      kind: 'placed',
      rule: 'symbol',
      startLine: 15,
      endLine: 18,
      symbolName: '.button:hover',
      becomes: `.button:hover {
  background: #003366;
  text-decoration: underline;
}
`,
    },
  },
  {
    name: 'CSS: a selector used twice (top level and in @media), the declarations say which',
    file: stylesCss,
    fileLanguage: 'css',
    fragment: `.button {
  padding: 4px 16px;
  border-radius: 4px;
  background: var(--accent);
}`,
    expect: {
      kind: 'placed',
      rule: 'symbol',
      startLine: 9,
      endLine: 14,
      symbolName: '.button',
      becomes: `.button {
  padding: 4px 16px;
  border-radius: 4px;
  background: var(--accent);
}
`,
    },
  },
  {
    name: 'CSS: a new rule the file does not have: no match',
    file: stylesCss,
    fileLanguage: 'css',
    fragment: '.badge {\n  color: red;\n}',
    expect: { kind: 'none', reason: 'no-match' },
  },

  // Input that gives a choice or a refusal.
  {
    name: 'an empty code block: nothing to place',
    file: cartServiceTs,
    fileLanguage: 'typescript',
    fragment: '',
    expect: { kind: 'none', reason: 'empty' },
  },
  {
    name: 'a code block of blank lines: nothing to place',
    file: cartServiceTs,
    fileLanguage: 'typescript',
    fragment: '  \n\t\n',
    expect: { kind: 'none', reason: 'empty' },
  },
  {
    name: 'an empty file takes the block whole',
    file: '',
    fileLanguage: 'typescript',
    fragment: 'export const answer = 42;\n',
    expect: { kind: 'placed', rule: 'whole-file', startLine: 0, endLine: 0, becomes: 'export const answer = 42;\n' },
  },
  {
    name: 'a shell command for a Markdown file is not refused (Markdown holds any language), but matches nothing',
    file: readmeMd,
    fileLanguage: 'markdown',
    fragmentLanguage: 'shellscript',
    fragment: 'npm start -- --port 8080',
    expect: { kind: 'none', reason: 'no-match' },
  },
  {
    name: 'TS: statements from another program: no match',
    file: cartServiceTs,
    fileLanguage: 'typescript',
    fragment: `const response = await fetch(url);
if (!response.ok) {
  throw new Error(response.statusText);
}
return response.json();`,
    expect: { kind: 'none', reason: 'no-match' },
  },
  {
    name: "Python: a new loop sharing its first line with the file's: no match",
    file: inventoryPy,
    fileLanguage: 'python',
    fragment: `for item in self.items.values():
    if item.quantity == 0:
        del self.items[item.name]`,
    expect: { kind: 'none', reason: 'no-match' },
  },
  {
    name: 'CSS: declarations without their selector, one of them in the file: no match',
    file: stylesCss,
    fileLanguage: 'css',
    fragment: 'color: red;\nmargin: 0;',
    expect: { kind: 'none', reason: 'no-match' },
  },
  {
    name: 'text unrelated to the file: no match',
    file: cartServiceTs,
    fragment: 'SELECT id, name FROM users WHERE active = 1;',
    expect: { kind: 'none', reason: 'no-match' },
  },
];
