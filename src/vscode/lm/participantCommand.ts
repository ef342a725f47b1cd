// The slash commands of `@switchboard` (package.json `chatParticipants`, docs/vscode-chat.md): their names are public.
export type ParticipantCommand = 'explain' | 'fix' | 'doc' | 'tests' | 'image';

const commands: readonly ParticipantCommand[] = ['explain', 'fix', 'doc', 'tests', 'image'];

/** The request's command, when it is one of ours (VS Code passes the name without the slash). */
export function participantCommand(name: string | undefined): ParticipantCommand | undefined {
  return commands.find((command) => command === name);
}
