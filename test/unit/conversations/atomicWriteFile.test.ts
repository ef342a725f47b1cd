import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { atomicWriteFile, isTempFileName } from '../../../src/core/conversations/atomicWriteFile';
import { TempDirectory } from './conversationFixtures';

describe('atomicWriteFile', () => {
  let dir: TempDirectory;
  beforeEach(() => (dir = new TempDirectory()));
  afterEach(() => dir.remove());

  it('replaces the file and leaves no temporary file behind', async () => {
    const target = dir.file('a.json');
    await atomicWriteFile(target, 'one');
    await atomicWriteFile(target, 'two');
    assert.equal(fs.readFileSync(target, 'utf8'), 'two');
    assert.deepEqual(dir.names(), ['a.json']);
  });

  it('never lets a reader see a half-written file', async () => {
    const target = dir.file('big.json');
    const versions = ['a', 'b'].map((fill) => JSON.stringify({ fill: fill.repeat(1_000_000) }));
    await atomicWriteFile(target, versions[0] ?? '');
    let writing = true;
    let reads = 0;
    const reader = (async () => {
      while (writing) {
        const text = await fs.promises.readFile(target, 'utf8');
        assert.ok(versions.includes(text), `read ${text.length} characters that are neither version`);
        reads++;
      }
    })();
    try {
      for (let i = 0; i < 12; i++) await atomicWriteFile(target, versions[i % 2] ?? '');
    } finally {
      writing = false;
      await reader;
    }
    assert.ok(reads > 0);
    assert.deepEqual(dir.names(), ['big.json']);
  });

  it('throws and cleans up when it cannot write, keeping the old file', async () => {
    const target = dir.file('keep.json');
    await atomicWriteFile(target, 'old');
    // A directory where the file should go: the rename over it fails after the temporary file was written.
    fs.mkdirSync(dir.file('blocked.json'));
    fs.writeFileSync(dir.file('blocked.json/inner'), 'x');
    await assert.rejects(atomicWriteFile(dir.file('blocked.json'), 'new'));
    await assert.rejects(atomicWriteFile(dir.file('missing/keep.json'), 'new'), { code: 'ENOENT' });
    assert.deepEqual(dir.names(), ['blocked.json', 'keep.json']);
    assert.equal(fs.readFileSync(target, 'utf8'), 'old');
  });

  it('names its temporary files so they are recognised', () => {
    assert.ok(isTempFileName('.index.json.0a1b2c3d4e5f.tmp'));
    assert.ok(!isTempFileName('index.json'));
    assert.ok(!isTempFileName('00000000-0000-4000-8000-000000000001.json'));
  });
});
