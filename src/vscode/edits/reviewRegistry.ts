import type * as vscode from 'vscode';
import type { ChangeReview, ChangeReviewOptions } from './changeReview';
import type { FileProposal } from './fileProposal';
import type { ProposalDocuments } from './proposalDocuments';

/**
 * What applying code and the review commands need of the open reviews (ChangeReviews, loaded at activation); the
 * apply-code bundle sees only this, so the two bundles do not import each other.
 */
export interface ReviewRegistry {
  readonly documents: ProposalDocuments;
  /** The reviews waiting for a decision, oldest first. */
  readonly pending: readonly ChangeReview[];
  /** Opens a review of `files` and shows it; its decisions arrive through `review.done`. */
  open(files: readonly FileProposal[], options: ChangeReviewOptions): Promise<ChangeReview>;
  /** The undecided file a URI belongs to (a side of its diff, or the file itself). */
  find(uri: vscode.Uri): FileProposal | undefined;
}
