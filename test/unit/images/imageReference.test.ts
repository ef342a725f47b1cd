import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { imageReference, referenceSyntaxOf, scriptString } from '../../../src/core/images/imageReference';
import { relativeImagePath } from '../../../src/core/images/relativeImagePath';

describe('imageReference', () => {
  const file = 'assets/generated/2026-11-21-a-lighthouse-42.png';

  it('speaks the syntax of the active editor', () => {
    assert.equal(imageReference('markdown', file, 'A lighthouse'), `![A lighthouse](${file})`);
    assert.equal(imageReference('html', file, 'A lighthouse'), `<img src="${file}" alt="A lighthouse">`);
    assert.equal(imageReference('vue', file, 'A lighthouse'), `<img src="${file}" alt="A lighthouse">`);
    assert.equal(imageReference('svelte', file, 'A lighthouse'), `<img src="${file}" alt="A lighthouse">`);
    assert.equal(imageReference('css', file, 'A lighthouse'), `url("${file}")`);
    assert.equal(imageReference('scss', file, 'x'), `url("${file}")`);
    assert.equal(imageReference('less', file, 'x'), `url("${file}")`);
    assert.equal(imageReference('typescriptreact', file, 'A lighthouse'), `<img src="${file}" alt="A lighthouse" />`);
    assert.equal(imageReference('javascriptreact', file, 'A lighthouse'), `<img src="${file}" alt="A lighthouse" />`);
    assert.equal(imageReference('typescript', `./${file}`, 'A lighthouse'), `'./${file}'`);
    assert.equal(imageReference('javascript', `./${file}`, 'A lighthouse'), `'./${file}'`);
  });

  it('has no reference in languages without a syntax for one', () => {
    for (const languageId of ['python', 'plaintext', 'json', 'rust', 'shellscript', 'unknown-language']) {
      assert.equal(imageReference(languageId, file, 'A lighthouse'), undefined, languageId);
      assert.equal(referenceSyntaxOf(languageId), undefined, languageId);
    }
  });

  it('escapes what would break out of the reference', () => {
    assert.equal(
      imageReference('markdown', 'my images/a (1).png', 'a [cat] \\ here'),
      '![a \\[cat\\] \\\\ here](my%20images/a%20%281%29.png)',
    );
    assert.equal(imageReference('html', 'a"b.png', 'say "hi" <b>&'), '<img src="a%22b.png" alt="say &quot;hi&quot; &lt;b&gt;&amp;">');
    assert.equal(imageReference('typescriptreact', 'x.png', 'a "quote"'), '<img src="x.png" alt="a &quot;quote&quot;" />');
    assert.equal(imageReference('css', 'folder with space/x#1.png', ''), 'url("folder%20with%20space/x%231.png")');
    assert.equal(imageReference('markdown', 'x.png', 'line one\nline two'), '![line one line two](x.png)');
  });

  it('writes script strings as file paths, escaping only the quote', () => {
    assert.equal(scriptString('./my images/a (1).png', "'"), "'./my images/a (1).png'");
    assert.equal(scriptString("./it's.png", "'"), "'./it\\'s.png'");
    assert.equal(scriptString("./it's.png", '"'), '"./it\'s.png"');
    assert.equal(scriptString('.\\assets\\x.png', "'"), "'./assets/x.png'");
  });

  it('keeps non-ASCII folder names readable', () => {
    assert.equal(imageReference('markdown', 'картинки/x.png', 'кот'), '![кот](картинки/x.png)');
  });
});

describe('relativeImagePath', () => {
  it('is relative to the edited file, with forward slashes', () => {
    const root = path.resolve('/work/project');
    const image = path.join(root, 'assets', 'generated', 'x.png');
    assert.equal(relativeImagePath(path.join(root, 'README.md'), image, 'markdown'), 'assets/generated/x.png');
    assert.equal(relativeImagePath(path.join(root, 'docs', 'guide.md'), image, 'markdown'), '../assets/generated/x.png');
    assert.equal(relativeImagePath(path.join(root, 'src', 'styles.css'), image, 'css'), '../assets/generated/x.png');
  });

  it('starts with ./ where component frameworks need it', () => {
    const root = path.resolve('/work/project');
    const image = path.join(root, 'src', 'assets', 'x.png');
    assert.equal(relativeImagePath(path.join(root, 'src', 'App.tsx'), image, 'typescriptreact'), './assets/x.png');
    assert.equal(relativeImagePath(path.join(root, 'src', 'App.vue'), image, 'vue'), './assets/x.png');
    assert.equal(relativeImagePath(path.join(root, 'src', 'pages', 'Home.jsx'), image, 'javascriptreact'), '../assets/x.png');
    assert.equal(relativeImagePath(path.join(root, 'src', 'index.html'), image, 'html'), 'assets/x.png');
  });
});
