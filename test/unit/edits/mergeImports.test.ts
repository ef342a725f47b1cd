import * as assert from 'node:assert/strict';
import { mergeImports } from '../../../src/core/edits/mergeImports';

describe("mergeImports: a block of imports joined with the file's import block", () => {
  it("keeps the file's order, comments and blank lines, and adds new modules after its last import", () => {
    const region = ["import a from 'a';", '', '// local', "import { b } from './b';"];
    assert.deepEqual(mergeImports(region, ["import { c } from './c';", "import a from 'a';"]), [
      "import a from 'a';",
      '',
      '// local',
      "import { b } from './b';",
      "import { c } from './c';",
    ]);
  });

  it('joins two lists of names from one module (TypeScript, a multi-line import)', () => {
    assert.deepEqual(mergeImports(['import {', '  a,', '  b,', "} from './m';"], ["import { b, c } from './m';"]), [
      "import { a, b, c } from './m';",
    ]);
  });

  it('keeps type-only imports apart from value imports', () => {
    assert.deepEqual(mergeImports(["import type { A } from './m';"], ["import { B } from './m';"]), [
      "import type { A } from './m';",
      "import { B } from './m';",
    ]);
  });

  it('joins Python from-imports, also parenthesized over lines', () => {
    assert.deepEqual(mergeImports(['from os import (', '    path,', '    sep,', ')'], ['from os import getcwd, path']), [
      'from os import path, sep, getcwd',
    ]);
  });

  it('joins Rust use lists', () => {
    assert.deepEqual(mergeImports(['use std::io::{Read, Write};'], ['use std::io::BufRead;']), ['use std::io::{Read, Write, BufRead};']);
  });

  it("adds Go imports inside the file's import group, with its indentation", () => {
    assert.deepEqual(mergeImports(['import (', '\t"fmt"', ')'], ['import (', '    "fmt"', '    "os"', ')']), [
      'import (',
      '\t"fmt"',
      '\t"os"',
      ')',
    ]);
  });

  it('adds nothing twice', () => {
    assert.deepEqual(mergeImports(['#include <stdio.h>', '#include "list.h"'], ['#include "list.h"']), [
      '#include <stdio.h>',
      '#include "list.h"',
    ]);
  });

  it('merges nothing when either side has other code', () => {
    assert.equal(mergeImports(["import a from 'a';", 'const x = 1;'], ["import b from 'b';"]), undefined);
    assert.equal(mergeImports(["import a from 'a';"], ['const x = 1;']), undefined);
  });
});
