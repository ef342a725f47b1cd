// Where a tool may go (issue 17: "nothing outside the workspace is read"), on real folders and links: every refusal
// names the path and the rule, and the reading tool built on it never returns a byte from outside.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createContextExclusion, defaultContextExclude } from '../../../src/core/context/contextExclusion';
import { resolveToolPath, type ToolPathResolution } from '../../../src/core/tools/resolveToolPath';
import { runReadFile } from '../../../src/core/tools/runReadFile';
import type { ToolWorkspace } from '../../../src/core/tools/toolWorkspace';
import { TempWorkspace } from '../context/tempWorkspace';

const secret = 'TOP-SECRET-OUTSIDE';

function refusal(resolution: ToolPathResolution): { id: string; content: string } {
  assert.ok(!resolution.ok, 'refused');
  return { id: resolution.refusal.note?.id ?? '', content: resolution.refusal.content };
}

describe('resolveToolPath', () => {
  let outside: TempWorkspace;
  let root: TempWorkspace;
  let workspace: ToolWorkspace;

  beforeEach(() => {
    outside = new TempWorkspace();
    outside.write('secret.txt', secret);
    root = new TempWorkspace();
    root.write('src/app.ts', 'export const app = 1;\n');
    root.write('.env', `API_KEY=${secret}`);
    root.write('.git/config', `[remote] url = ${secret}`);
    root.write('config/.env.local', secret);
    workspace = { folders: [{ name: 'app', path: root.root }], exclusion: createContextExclusion(defaultContextExclude) };
  });
  afterEach(() => {
    root.remove();
    outside.remove();
  });

  it('resolves a relative path, an absolute one inside, and a `..` that stays inside', async () => {
    for (const requested of ['src/app.ts', './src/app.ts', 'src\\app.ts', root.abs('src/app.ts'), 'src/../src/app.ts']) {
      const resolved = await resolveToolPath(workspace, requested);
      assert.ok(resolved.ok, requested);
      assert.equal(resolved.path.relativePath, 'src/app.ts');
      assert.equal(resolved.path.displayPath, 'src/app.ts');
      assert.equal(resolved.path.exists, true);
    }
    const fresh = await resolveToolPath(workspace, 'src/new/file.ts');
    assert.ok(fresh.ok);
    assert.equal(fresh.path.exists, false);
  });

  it('refuses ../../etc/passwd and an absolute path outside, naming the path and the rule', async () => {
    assert.deepEqual(refusal(await resolveToolPath(workspace, '../../etc/passwd')), {
      id: 'tool.path.escapes',
      content: '../../etc/passwd leads out of the workspace folder (through “..”); tools reach nothing outside the workspace folders.',
    });
    assert.deepEqual(refusal(await resolveToolPath(workspace, outside.abs('secret.txt'))), {
      id: 'tool.path.outside',
      content: `${outside.abs('secret.txt')} is outside the workspace folders; tools reach nothing outside them.`,
    });
    assert.equal(refusal(await resolveToolPath(workspace, '/etc/passwd')).id, 'tool.path.outside');
  });

  it('refuses .env and the other excluded files, also reached through `..`, before touching the disk', async () => {
    assert.deepEqual(refusal(await resolveToolPath(workspace, '.env')), {
      id: 'tool.path.excluded',
      content: '.env matches switchboard.context.exclude, so tools do not read or change it.',
    });
    assert.equal(refusal(await resolveToolPath(workspace, 'src/../.env')).id, 'tool.path.excluded');
    assert.equal(refusal(await resolveToolPath(workspace, 'config/.ENV.local')).id, 'tool.path.excluded');
    // A file that does not exist is refused all the same: the rule is on the path.
    assert.equal(refusal(await resolveToolPath(workspace, 'deploy/id_rsa')).id, 'tool.path.excluded');
  });

  it('refuses .git and anything in it, in any case', async () => {
    assert.deepEqual(refusal(await resolveToolPath(workspace, '.git/config')), {
      id: 'tool.path.git',
      content: '.git/config is inside .git, which tools never read or change.',
    });
    assert.equal(refusal(await resolveToolPath(workspace, '.GIT/config')).id, 'tool.path.git');
    assert.equal(refusal(await resolveToolPath(workspace, 'sub/.git/HEAD')).id, 'tool.path.git');
  });

  it('refuses links that lead out of the workspace, to .git, or to an excluded file; follows one that stays inside', async function () {
    if (process.platform === 'win32') this.skip();
    root.link('outside-link.txt', outside.abs('secret.txt'));
    root.link('linked-dir', outside.root);
    root.link('notes.txt', '.env');
    root.link('git-link', '.git/config');
    root.link('dangling', outside.abs('not-yet.txt'));
    root.link('loop-a', 'loop-b');
    root.link('loop-b', 'loop-a');
    root.link('inside-link.ts', 'src/app.ts');

    assert.deepEqual(refusal(await resolveToolPath(workspace, 'outside-link.txt')), {
      id: 'tool.path.linkOutside',
      content: 'outside-link.txt is a link to a place outside the workspace folders, so tools do not follow it.',
    });
    assert.equal(refusal(await resolveToolPath(workspace, 'linked-dir/secret.txt')).id, 'tool.path.linkOutside');
    // A file to be created through a linked folder would land outside too.
    assert.equal(refusal(await resolveToolPath(workspace, 'linked-dir/new.txt')).id, 'tool.path.linkOutside');
    // realpath fails on a link whose target does not exist; a file created there would still land outside.
    assert.equal(refusal(await resolveToolPath(workspace, 'dangling')).id, 'tool.path.linkOutside');
    assert.deepEqual(refusal(await resolveToolPath(workspace, 'notes.txt')), {
      id: 'tool.path.linkExcluded',
      content: 'notes.txt is a link to .env, which matches switchboard.context.exclude, so tools do not read or change it.',
    });
    assert.equal(refusal(await resolveToolPath(workspace, 'git-link')).id, 'tool.path.linkToGit');
    assert.equal(refusal(await resolveToolPath(workspace, 'loop-a')).id, 'tool.path.linkLoop');
    const inside = await resolveToolPath(workspace, 'inside-link.ts');
    assert.ok(inside.ok);
    assert.equal(inside.path.relativePath, 'inside-link.ts');
  });

  it('never returns a byte from outside the workspace through read_file', async function () {
    if (process.platform !== 'win32') {
      root.link('outside-link.txt', outside.abs('secret.txt'));
      root.link('linked-dir', outside.root);
    }
    const attempts = [
      '../../etc/passwd',
      outside.abs('secret.txt'),
      '.env',
      '.git/config',
      'config/.env.local',
      'outside-link.txt',
      'linked-dir/secret.txt',
      `../${path.basename(outside.root)}/secret.txt`,
    ];
    for (const requested of attempts) {
      const outcome = await runReadFile({ path: requested }, workspace);
      assert.equal(outcome.isError, true, requested);
      assert.doesNotMatch(outcome.content, new RegExp(secret), requested);
    }
  });

  it('in a workspace of several folders, takes a path that starts with a folder’s name, or finds it in the folder that has it', async () => {
    const second = new TempWorkspace();
    try {
      second.write('lib/util.ts', 'export {};\n');
      const multi: ToolWorkspace = {
        folders: [
          { name: 'app', path: root.root },
          { name: 'shared', path: second.root },
        ],
        exclusion: workspace.exclusion,
      };
      const named = await resolveToolPath(multi, 'shared/lib/util.ts');
      assert.ok(named.ok);
      assert.equal(named.path.folder.name, 'shared');
      assert.equal(named.path.displayPath, 'shared/lib/util.ts');
      const found = await resolveToolPath(multi, 'lib/util.ts');
      assert.ok(found.ok);
      assert.equal(found.path.absolutePath, second.abs('lib/util.ts'));
      assert.equal((await resolveToolPath(multi, 'src/app.ts')).ok, true);
      // `..` out of the folder it is read from is refused; from the folder it is in, it stays inside.
      assert.equal(refusal(await resolveToolPath(multi, 'app/../../etc/passwd')).id, 'tool.path.escapes');
      assert.equal(refusal(await resolveToolPath(multi, `../${path.basename(outside.root)}/secret.txt`)).id, 'tool.path.escapes');
      assert.equal(refusal(await resolveToolPath({ ...multi, folders: [] }, 'a.ts')).id, 'tool.path.noWorkspace');
    } finally {
      second.remove();
    }
  });

  it('refuses an empty path (unless a folder is meant) and one with a NUL byte', async () => {
    assert.equal(refusal(await resolveToolPath(workspace, '')).id, 'tool.path.empty');
    assert.equal(refusal(await resolveToolPath(workspace, 'a\u0000b')).id, 'tool.path.invalid');
    const root1 = await resolveToolPath(workspace, '.', { allowFolderRoot: true });
    assert.ok(root1.ok);
    assert.equal(root1.path.displayPath, '.');
    assert.ok(fs.statSync(root1.path.absolutePath).isDirectory());
  });
});
