// The spend ledger on a real temporary directory (docs/spend.md, "Ledger and files"): month files, totals per local
// day and month, a damaged file moved aside, two ledgers (two windows) on one folder, the report for the spend view.
import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { SpendLedger, type SpendProblem } from '../../../src/core/spend/spendLedger';
import { parseSpendFile } from '../../../src/core/spend/spendFile';
import type { SpendEntry } from '../../../src/core/spend/spendTypes';

/** UTC+3 (Moscow, no daylight saving): local midnight is 21:00 UTC the day before. */
const moscow = (): number => -180;
const at = (iso: string): number => Date.parse(iso);

function entry(change: Partial<SpendEntry> = {}): SpendEntry {
  return { at: at('2026-11-15T10:00:00Z'), kind: 'chat', provider: 'openai', model: 'gpt-4o', usd: 0.25, estimated: false, ...change };
}

describe('SpendLedger', () => {
  let directory: string;
  const ledgers: SpendLedger[] = [];
  const ledger = (options: { now?: () => number; onProblem?: (problem: SpendProblem) => void } = {}): SpendLedger => {
    const created = new SpendLedger({ directory, timezoneOffset: moscow, flushDelayMs: 10_000, ...options });
    ledgers.push(created);
    return created;
  };

  beforeEach(async () => {
    directory = path.join(await fs.mkdtemp(path.join(os.tmpdir(), 'switchboard-spend-')), 'spend');
  });
  afterEach(async () => {
    for (const created of ledgers.splice(0)) await created.dispose();
    await fs.rm(path.dirname(directory), { recursive: true, force: true });
  });

  it('keeps one file per local month and sums the local day and month, per provider, with unknown prices counted apart', async () => {
    const spend = ledger();
    await spend.record(entry({ at: at('2026-11-15T10:00:00Z'), usd: 0.25 }));
    await spend.record(entry({ at: at('2026-11-15T11:00:00Z'), provider: 'anthropic', model: 'claude', usd: 0.5 }));
    await spend.record(entry({ at: at('2026-11-15T12:00:00Z'), usd: undefined }));
    await spend.record(entry({ at: at('2026-11-02T12:00:00Z'), usd: 1 }));
    // 22:30 UTC on the 30th of November is 01:30 on the 1st of December in Moscow: December's file.
    await spend.record(entry({ at: at('2026-11-30T22:30:00Z'), usd: 2 }));
    await spend.flush();
    assert.deepEqual((await fs.readdir(directory)).sort(), ['2026-11.json', '2026-12.json']);

    const totals = await spend.totals(at('2026-11-15T20:59:00Z'));
    assert.equal(totals.day.usd, 0.75);
    assert.equal(totals.day.unpriced, 1);
    assert.deepEqual(totals.day.byProvider, { openai: { usd: 0.25, unpriced: 1 }, anthropic: { usd: 0.5, unpriced: 0 } });
    assert.equal(totals.month.usd, 1.75);
    assert.equal(totals.month.unpriced, 1);
    // One minute later it is the 16th in Moscow: a new day, the same month.
    const nextDay = await spend.totals(at('2026-11-15T21:01:00Z'));
    assert.deepEqual(nextDay.day, { usd: 0, unpriced: 0, byProvider: {} });
    assert.equal(nextDay.month.usd, 1.75);
    const december = await spend.totals(at('2026-11-30T23:00:00Z'));
    assert.equal(december.day.usd, 2);
    assert.equal(december.month.usd, 2);
  });

  it('reads back what an earlier ledger wrote (a restart), records compactly, and adds completions up per day and model', async () => {
    const first = ledger();
    await first.record(entry({ conversationId: 'c1', conversationTitle: 'Refactor the parser', inputTokens: 1200, outputTokens: 300 }));
    for (let i = 0; i < 50; i++)
      await first.record(entry({ kind: 'completion', model: 'codestral', usd: 0.001, at: at('2026-11-15T10:00:00Z') + i }));
    await first.record(entry({ kind: 'completion', model: 'codestral', usd: undefined, estimated: true }));
    await first.dispose();
    const text = await fs.readFile(path.join(directory, '2026-11.json'), 'utf8');
    const parsed = parseSpendFile(text, '2026-11');
    assert.equal(parsed.kind, 'ok');
    assert.equal(parsed.kind === 'ok' && parsed.content.records.length, 2, 'one chat record and one completion record');
    assert.deepEqual(parsed.kind === 'ok' && parsed.content.titles, { c1: 'Refactor the parser' });

    const second = ledger();
    const totals = await second.totals(at('2026-11-15T12:00:00Z'));
    assert.equal(Math.round(totals.day.usd * 1e6) / 1e6, 0.3);
    assert.equal(totals.day.unpriced, 1);
    const report = await second.report(at('2026-11-15T12:00:00Z'));
    assert.deepEqual(
      report.topModels.map((row) => [row.model, row.answers, row.unpriced]),
      [
        ['gpt-4o', 1, 0],
        ['codestral', 51, 1],
      ],
    );
    assert.deepEqual(report.topConversations, [{ id: 'c1', title: 'Refactor the parser', usd: 0.25, answers: 1, unpriced: 0 }]);
    assert.equal(report.total.estimated, 1);
  });

  it('moves a damaged file aside, reports it once naming the file, and counts the month from empty', async () => {
    await fs.mkdir(directory, { recursive: true });
    for (const [month, text] of [
      ['2026-11', '{"v":1,"month":"2026-11","titles":{},"entries":[{"i":"x","t":1,"k":"chat"'],
      ['2026-10', '{"v":1,"month":"2026-10","titles":{},"entries":[{"i":"x","t":1,"k":"lunch","p":"openai","m":"m"}]}'],
    ] as const)
      await fs.writeFile(path.join(directory, `${month}.json`), text);
    const problems: SpendProblem[] = [];
    const spend = ledger({ now: () => 1_700_000_000_000, onProblem: (problem) => problems.push(problem) });
    const totals = await spend.totals(at('2026-11-15T12:00:00Z'));
    assert.equal(totals.month.usd, 0);
    await spend.totals(at('2026-11-15T12:00:00Z'));
    await spend.report(at('2026-11-15T12:00:00Z'));
    assert.deepEqual(
      problems.map((problem) => [problem.kind, path.basename(problem.file), path.basename(problem.movedTo ?? '')]),
      [
        ['damaged', '2026-11.json', '2026-11.damaged-1700000000000.json'],
        ['damaged', '2026-10.json', '2026-10.damaged-1700000000000.json'],
      ],
    );
    assert.match(problems[0]?.message ?? '', /2026-11\.json.*not JSON/);
    assert.match(problems[1]?.message ?? '', /entry 0 is not a spend record/);
    await spend.record(entry({ usd: 0.1 }));
    await spend.flush();
    assert.deepEqual((await fs.readdir(directory)).sort(), [
      '2026-10.damaged-1700000000000.json',
      '2026-11.damaged-1700000000000.json',
      '2026-11.json',
    ]);
    assert.equal((await spend.totals(at('2026-11-15T12:00:00Z'))).month.usd, 0.1);
  });

  it('two ledgers on one folder (two windows) never drop each other’s entries, however their writes interleave', async () => {
    const a = ledger();
    const b = ledger();
    await a.record(entry({ usd: 1 }));
    await b.record(entry({ usd: 2, provider: 'anthropic' }));
    await Promise.all([a.flush(), b.flush()]);
    await a.record(entry({ usd: 4 }));
    await b.record(entry({ usd: 8, provider: 'anthropic' }));
    // b writes first this time, then a: a must unite b's new entry with its own.
    await b.flush();
    await a.flush();
    for (let i = 0; i < 5; i++) {
      await a.record(entry({ usd: 16 }));
      await b.record(entry({ usd: 32, provider: 'anthropic' }));
      await Promise.all([a.flush(), b.flush()]);
    }
    const fresh = ledger();
    const expected = 1 + 2 + 4 + 8 + 5 * (16 + 32);
    for (const reader of [a, b, fresh]) assert.equal((await reader.totals(at('2026-11-15T12:00:00Z'))).month.usd, expected);
    const parsed = parseSpendFile(await fs.readFile(path.join(directory, '2026-11.json'), 'utf8'), '2026-11');
    assert.equal(parsed.kind === 'ok' && parsed.content.records.length, 14);
  });

  it('records that race each other are all kept (none waits for the disk), and one write carries them all', async () => {
    const spend = ledger();
    await Promise.all(Array.from({ length: 100 }, (_, i) => spend.record(entry({ usd: 0.01, at: at('2026-11-15T10:00:00Z') + i }))));
    await spend.flush();
    const parsed = parseSpendFile(await fs.readFile(path.join(directory, '2026-11.json'), 'utf8'), '2026-11');
    assert.equal(parsed.kind === 'ok' && parsed.content.records.length, 100);
  });

  it('reports the last 30 local days, per provider and per kind, with the days before left out', async () => {
    const spend = ledger();
    const now = at('2026-11-15T12:00:00Z');
    await spend.record(entry({ at: at('2026-11-15T09:00:00Z'), usd: 0.5 }));
    await spend.record(
      entry({ at: at('2026-11-15T09:30:00Z'), kind: 'image', provider: 'stability', model: 'sd3', usd: 0.065, images: 1 }),
    );
    // 00:30 on the 17th of October in Moscow: the first of the 30 days.
    await spend.record(entry({ at: at('2026-10-16T21:30:00Z'), usd: 0.2 }));
    // 23:30 on the 16th of October in Moscow: a day too early.
    await spend.record(entry({ at: at('2026-10-16T20:30:00Z'), usd: 9 }));
    const report = await spend.report(now);
    assert.equal(report.days.length, 30);
    assert.equal(report.days[0]?.day, '2026-10-17');
    assert.equal(report.days[29]?.day, '2026-11-15');
    assert.deepEqual(report.days[29]?.byProvider, { openai: 0.5, stability: 0.065 });
    assert.deepEqual(report.days[29]?.byKind, { chat: 0.5, image: 0.065, completion: 0 });
    assert.deepEqual(report.days[0]?.byProvider, { openai: 0.2 });
    assert.equal(Math.round(report.total.usd * 1e6) / 1e6, 0.765);
    assert.deepEqual(report.providers, ['openai', 'stability']);
  });
});
