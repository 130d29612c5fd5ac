/** Membership API errors as sentences, shown next to the control that failed. */
import type { ApiError } from '../../api/http.ts';

export function membershipErrorMessage(error: ApiError, action: string): string {
  switch (error.code) {
    case 'last_owner':
      return 'A series needs at least one owner. Make someone else an owner first.';
    case 'already_member':
      return 'This person is already a member.';
    case 'link_expired':
      return 'This link has expired.';
    case 'forbidden':
      return 'Only an owner can do this.';
    case 'not_found':
      return 'It is no longer there. Close and reopen Share to see the latest.';
    case 'network':
      return `Could not ${action}: the server could not be reached.`;
    default:
      return error.status >= 500
        ? `Could not ${action}: the server had a problem. Try again.`
        : `Could not ${action}: ${error.message}`;
  }
}
