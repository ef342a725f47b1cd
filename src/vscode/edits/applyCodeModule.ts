// The apply-code bundle (dist/applyCode.js, loaded on first use through loadApplyCode.ts): where a code block goes,
// the reviews of proposed changes, and what their commands do (docs/chat.md, "Applying code"; docs/editor-commands.md,
// "The diff flow"). Objects cross the bundle boundary (reviews, proposals): the activation bundle uses their methods
// and fields, never `instanceof`.
export { CodeApplier } from './codeApplier';
export { ChangeReview } from './changeReview';
export { FileProposal } from './fileProposal';
export { closeProposalTabs } from './closeProposalTabs';
export { acceptAllFromCommand, changeTargetFromCommand, decideFromCommand, showPendingReviews } from './reviewCommands';
