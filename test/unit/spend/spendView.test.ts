// The spend view's message check and money format (src/shared/spendView.ts): the view shows only well-formed
// reports, and the status bar and the view write dollars alike.
import * as assert from 'node:assert/strict';
import { formatUsd, isSpendViewRequest, parseSpendViewMessage } from '../../../src/shared/spendView';
import { buildSpendReport } from '../../../src/core/spend/spendReport';

describe('the spend view’s messages and money', () => {
  const report = buildSpendReport(
    [
      {
        id: 'a.0',
        at: Date.UTC(2026, 10, 15, 9),
        kind: 'chat',
        provider: 'openai',
        model: 'gpt-4o',
        usd: 0.3,
        count: 1,
        unpriced: 0,
        estimated: 0,
        conversationId: 'c',
      },
    ],
    { now: Date.UTC(2026, 10, 15, 12), days: 30, top: 10, offset: () => 0, titles: new Map([['c', 'Parser']]) },
  );

  it('takes a report as core builds it, and nothing malformed', () => {
    assert.deepEqual(parseSpendViewMessage({ type: 'report', report }), { type: 'report', report });
    for (const broken of [
      { type: 'report', report: { ...report, days: [{ ...report.days[0], usd: -1 }] } },
      { type: 'report', report: { ...report, days: [{ ...report.days[0], day: '15.11.2026' }] } },
      { type: 'report', report: { ...report, topConversations: [{ id: 'c', title: 7, usd: 1, answers: 1, unpriced: 0 }] } },
      { type: 'report', report: { ...report, byKind: { chat: report.byKind.chat } } },
      { type: 'report', report: { ...report, total: { ...report.total, usd: Number.NaN } } },
      { type: 'other', report },
      'report',
    ])
      assert.equal(parseSpendViewMessage(broken), undefined, JSON.stringify(broken).slice(0, 120));
    assert.ok(isSpendViewRequest({ type: 'ready' }));
    assert.ok(!isSpendViewRequest({ type: 'report' }));
  });

  it('writes dollars in cents, a fraction of a cent as "<$0.01", thousands grouped', () => {
    assert.deepEqual([0, 0.0004, 0.005, 0.42, 3.1, 1234.5, Number.NaN].map(formatUsd), [
      '$0.00',
      '<$0.01',
      '$0.01',
      '$0.42',
      '$3.10',
      '$1,234.50',
      '$0.00',
    ]);
  });
});
