// The default list of `switchboard.context.exclude` (docs/chat.md, "Workspace context"; docs/security.md). Its own small
// file so that reading settings (at activation) and the exclusion matcher (in the engine bundle) share one list.

/**
 * The default of `switchboard.context.exclude`: environment files, private keys and certificates, key stores, and the
 * files tools keep their tokens and passwords in. package.json repeats it (test/unit/config/contextExcludeDefault.test.ts
 * keeps the two equal). `.env.*` also covers `.env.example`, which is rarely worth a secret's risk; a user who wants it
 * can narrow the setting.
 */
export const defaultContextExclude: readonly string[] = [
  // Environment files (dotenv, direnv, docker compose env files).
  '.env',
  '.env.*',
  '*.env',
  '.envrc',
  // Private keys, certificates and key stores.
  '*.pem',
  '*.key',
  '*.p8',
  '*.p12',
  '*.pfx',
  '*.crt',
  '*.cer',
  '*.der',
  '*.jks',
  '*.keystore',
  '*.ppk',
  '*.gpg',
  '*.kdbx',
  'id_rsa*',
  'id_dsa*',
  'id_ecdsa*',
  'id_ed25519*',
  // Files that hold registry tokens and passwords.
  '.npmrc',
  '.yarnrc.yml',
  '.pypirc',
  '.netrc',
  '_netrc',
  '.git-credentials',
  '.htpasswd',
  'credentials',
  'credentials.json',
  // Terraform state and variables hold provider secrets in plain text.
  '*.tfstate',
  '*.tfstate.*',
  '*.tfvars',
];
