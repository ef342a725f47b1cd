// A throw-away self-signed certificate for 127.0.0.1, made with openssl when a test asks for it, so no private
// key is ever committed. It secures nothing: it lets the tests check what happens when a server's certificate
// cannot be verified.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

export interface SelfSignedPair {
  cert: string;
  key: string;
}

let cached: SelfSignedPair | undefined;

export function selfSignedCertificate(): SelfSignedPair {
  if (cached) return cached;
  const dir = mkdtempSync(path.join(tmpdir(), 'switchboard-cert-'));
  try {
    const keyFile = path.join(dir, 'key.pem');
    const certFile = path.join(dir, 'cert.pem');
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:P-256',
        '-nodes',
        '-keyout',
        keyFile,
        '-out',
        certFile,
        '-days',
        '1',
        '-subj',
        '/CN=127.0.0.1',
        '-addext',
        'subjectAltName=IP:127.0.0.1',
      ],
      { stdio: 'ignore' },
    );
    cached = { cert: readFileSync(certFile, 'utf8'), key: readFileSync(keyFile, 'utf8') };
    return cached;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
