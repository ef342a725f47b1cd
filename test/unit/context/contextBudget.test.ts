import * as assert from 'node:assert/strict';
import { planContextFit } from '../../../src/core/context/contextBudget';

const messages = (...tokens: number[]) => tokens.map((count, index) => ({ id: `m${index + 1}`, tokens: count }));
const contexts = (...tokens: number[]) => tokens.map((count, index) => ({ id: `c${index + 1}`, tokens: count }));

describe('planContextFit', () => {
  it('fits with nothing to cut when the total is within the window minus the reserve', () => {
    assert.deepEqual(
      planContextFit({ history: messages(100, 100), contexts: contexts(300), draftTokens: 50, window: 1000, reserve: 450 }),
      {
        fits: true,
        overBy: 0,
        dropHistory: [],
        cutContexts: [],
      },
    );
  });

  it('drops the oldest history first, never the last message', () => {
    const plan = planContextFit({
      history: messages(400, 300, 200, 100),
      contexts: contexts(100),
      draftTokens: 0,
      window: 1000,
      reserve: 200,
    });
    assert.equal(plan.overBy, 300);
    assert.deepEqual(plan.dropHistory, ['m1']);
    assert.deepEqual(plan.cutContexts, []);
    assert.equal(plan.fits, true);
    const more = planContextFit({ history: messages(100, 100, 1200), contexts: [], draftTokens: 0, window: 1000, reserve: 0 });
    assert.deepEqual(more.dropHistory, ['m1', 'm2']);
    assert.equal(more.fits, false);
  });

  it('then cuts the largest contexts first, down to one common size', () => {
    const plan = planContextFit({
      history: messages(50, 50),
      contexts: contexts(1000, 500, 100),
      draftTokens: 100,
      window: 1500,
      reserve: 100,
    });
    // Total 1800 against a room of 1400: 400 over; dropping m1 frees 50, the contexts give the other 350.
    assert.equal(plan.overBy, 400);
    assert.deepEqual(plan.dropHistory, ['m1']);
    assert.deepEqual(plan.cutContexts, [{ id: 'c1', keepTokens: 650 }]);
    assert.equal(plan.fits, true);

    const deeper = planContextFit({ history: [], contexts: contexts(1000, 500, 100), draftTokens: 0, window: 1000, reserve: 0 });
    // 600 to free: cutting c1 and c2 to 450 frees 550 + 50.
    assert.deepEqual(deeper.cutContexts, [
      { id: 'c1', keepTokens: 450 },
      { id: 'c2', keepTokens: 450 },
    ]);
    assert.equal(deeper.fits, true);
  });

  it('cuts every context to nothing and says it does not fit when even that is not enough', () => {
    const plan = planContextFit({ history: messages(10, 800), contexts: contexts(300, 200), draftTokens: 100, window: 1000, reserve: 200 });
    assert.equal(plan.fits, false);
    assert.equal(plan.overBy, 610);
    assert.deepEqual(plan.dropHistory, ['m1']);
    assert.deepEqual(plan.cutContexts, [
      { id: 'c1', keepTokens: 0 },
      { id: 'c2', keepTokens: 0 },
    ]);
  });

  it('fits nothing but what can be cut into a window no larger than the reserve, and treats bad numbers as 0', () => {
    assert.equal(planContextFit({ history: [], contexts: [], draftTokens: 1, window: 100, reserve: 100 }).fits, false);
    assert.deepEqual(planContextFit({ history: [], contexts: contexts(5), draftTokens: 0, window: 100, reserve: 100 }), {
      fits: true,
      overBy: 5,
      dropHistory: [],
      cutContexts: [{ id: 'c1', keepTokens: 0 }],
    });
    assert.equal(planContextFit({ history: [], contexts: [], draftTokens: 0, window: 100, reserve: 200 }).fits, true);
    const odd = planContextFit({
      history: messages(Number.NaN),
      contexts: contexts(-5, Number.POSITIVE_INFINITY),
      draftTokens: -1,
      window: 10,
      reserve: 0,
    });
    assert.deepEqual(odd, { fits: true, overBy: 0, dropHistory: [], cutContexts: [] });
  });
});
