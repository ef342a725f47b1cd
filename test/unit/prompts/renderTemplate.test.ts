import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { renderTemplate, templatePlaceholders } from '../../../src/core/prompts/renderTemplate';

describe('renderTemplate', () => {
  it('substitutes known placeholders and leaves unknown ones as written', () => {
    assert.deepEqual(renderTemplate('a {{x}} b {{y}} {{ x }} {{y}}', { x: '1' }), {
      text: 'a 1 b {{y}} 1 {{y}}',
      unknown: ['{{y}}'],
      used: ['x'],
    });
  });

  it('does not treat malformed braces as placeholders', () => {
    assert.deepEqual(renderTemplate('{x} {{1x}} {{x y}} {{{x}}}', { x: 'X' }), {
      text: '{x} {{1x}} {{x y}} {X}',
      unknown: [],
      used: ['x'],
    });
  });

  it('does not find names on Object.prototype', () => {
    assert.deepEqual(renderTemplate('{{toString}}{{__proto__}}', {}).unknown, ['{{toString}}', '{{__proto__}}']);
  });

  it('inserts every value exactly once, literally (property)', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.string(), (before, value, after) => {
        fc.pre(!before.includes('{{') && !after.includes('{{') && !before.endsWith('{') && !after.startsWith('}'));
        return renderTemplate(`${before}{{v}}${after}`, { v: value }).text === `${before}${value}${after}`;
      }),
    );
  });

  it('lists the placeholders of a template', () => {
    assert.deepEqual(templatePlaceholders('{{a}} {{ b }} {{a}}'), [
      { name: 'a', written: '{{a}}' },
      { name: 'b', written: '{{ b }}' },
    ]);
  });
});
