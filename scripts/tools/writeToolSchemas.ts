// Writes src/core/tools/toolParameters.json: the JSON Schema of each built-in tool's arguments, from its zod schema
// (z.toJSONSchema, made portable for every protocol by portableJsonSchema). Run after changing a tool's schema:
// `npm run tools:schemas`. Done here rather than at run time to keep zod's JSON Schema writer out of the engine bundle;
// test/unit/tools/toolDefinitions.test.ts checks the file is current.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { toolParametersFromSchemas } from '../../src/core/tools/toolParametersFromSchemas';

const target = path.resolve(__dirname, '..', '..', 'src', 'core', 'tools', 'toolParameters.json');
writeFileSync(target, `${JSON.stringify(toolParametersFromSchemas(), null, 2)}\n`);
// In the repository's own style (prettier puts short arrays on one line), so `npm run lint` stays clean.
execFileSync(process.execPath, [require.resolve('prettier/bin/prettier.cjs'), '--write', '--log-level', 'warn', target]);
console.log(`wrote ${path.relative(process.cwd(), target)}`);
